import type { BatchContext, ConsumedMessage, MessageLog } from '../log/message-log.port';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { planBatch } from './batch-plan';
import { FailingBatches } from './isolation';
import type { SinkKingdee } from './existing-stocks';
import type { KingdeeSyncResultRecorder, KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';
import { parseSinkMessages } from './sink-messages';
import { correlationOf, SinkOutcomeRecorder, type SinkLogger } from './sink-outcome-recorder';
import { RetirementStep } from './retirement-step';
import { reportLine, sinkReport, type SinkReport } from './sink-report';
import { SinkWriter, type WriteSlots } from './sink-writer';

export interface SinkGoldenBatchOptions {
  readonly kingdee: SinkKingdee;
  readonly recorder: KingdeeSyncResultRecorder;
  readonly log: Pick<MessageLog, 'publish'>;
  readonly scheme: IntegrationScheme;
  readonly dlqTopic: string;
  readonly logger: SinkLogger;
  readonly now?: () => Date;
  /** Rounds per record within one batch before a retryable record failure counts as permanent. Default 3. */
  readonly maxAttempts?: number;
  /** Pause before round n+1 is n times this. Default 500 ms. */
  readonly retryDelayMs?: number;
  /** The scheme's runtime switch (SchemeState); asked per batch and before every BatchSave. */
  readonly schemeEnabled?: () => Promise<boolean>;
  /** KINGDEE_CONCURRENCY: BatchSave calls in flight across every partition of the process. */
  readonly writeSlots?: WriteSlots;
}

/** Thrown when the partition moved to another member mid-batch: stop writing, commit nothing. */
export class PartitionRevokedError extends Error {}

/** Thrown while the scheme is switched off: the batch stays uncommitted and comes back after a backoff. */
export class SchemeDisabledError extends Error {}

export type { SinkLogger };

/**
 * One batch of golden-record messages → Kingdee. Resolving means every message is finished
 * (written and recorded, skipped, or dead-lettered with a stewardship task), so the log commits.
 * Throwing (Kingdee unreachable, 5xx, session or login trouble, the recorder failing) commits
 * nothing: the log redelivers after a backoff and the look-up by number keeps repeats harmless.
 */
export class SinkGoldenBatchHandler {
  private readonly outcomes: SinkOutcomeRecorder;
  private readonly failing = new FailingBatches();

  constructor(private readonly options: SinkGoldenBatchOptions) {
    this.outcomes = new SinkOutcomeRecorder(
      options.recorder,
      options.log,
      options.dlqTopic,
      options.logger,
      options.now ?? (() => new Date()),
    );
  }

  async handle(batch: readonly ConsumedMessage[], context?: BatchContext): Promise<SinkReport> {
    try {
      const report = await this.handleOnce(batch, context, this.failing.shouldIsolate(batch), this.failing.redelivered(batch));
      this.failing.succeeded(batch);
      return report;
    } catch (error) {
      this.failing.failed(batch, error);
      throw error;
    }
  }

  private async handleOnce(
    batch: readonly ConsumedMessage[],
    context: BatchContext | undefined,
    isolate: boolean,
    redelivered: boolean,
  ): Promise<SinkReport> {
    await this.requireEnabled();
    const { valid, poison } = parseSinkMessages(batch);
    const ids = [...new Set(valid.map((m) => m.message.goldenId))];
    const states: ReadonlyMap<string, KingdeeSyncState> = ids.length > 0 ? await this.options.recorder.syncState(ids) : new Map();
    const plan = planBatch(valid, states, this.options.scheme);
    const byId = new Map(plan.write.map((m) => [m.message.goldenId, m.message]));
    const kingdeeWrite = async () => {
      await this.requireEnabled();
      await beforeWrite(context);
    };
    const rounds = { maxAttempts: this.options.maxAttempts ?? 3, retryDelayMs: this.options.retryDelayMs ?? 500 };
    const writer = new SinkWriter({
      kingdee: this.options.kingdee,
      scheme: this.options.scheme,
      onSaved: (saved) => this.outcomes.saved(saved, byId),
      beforeWrite: kingdeeWrite,
      syncState: (ids) => this.options.recorder.syncState(ids),
      ...rounds,
      isolate,
      redelivered,
      ...(this.options.writeSlots ? { writeSlots: this.options.writeSlots } : {}),
    });
    const { kingdee, scheme, recorder, now = () => new Date() } = this.options;
    const retirement = new RetirementStep({ kingdee, scheme, recorder, beforeWrite: kingdeeWrite, ...rounds, now });
    if (isolate)
      this.options.logger.warn(
        { partition: batch[0]?.partition, offset: batch[0]?.offset, records: plan.write.length },
        'Kingdee keeps failing this batch as a whole: sending its records one by one',
      );
    const enabled = await retirement.enable(plan.write, states);
    const { saved, failed, skipped } =
      enabled.write.length > 0 ? await writer.write(enabled.write, states) : { saved: [], failed: [], skipped: [] };
    const retired = await retirement.retire(plan.retire, states);
    const allFailed = [...enabled.failed, ...failed, ...retired.failed];
    await this.outcomes.failed(poison, allFailed);
    const report = sinkReport(
      saved,
      allFailed.length,
      [...plan.skipped, ...skipped, ...retired.absent],
      poison.length,
      valid.map((m) => correlationOf(m.message)),
      retired.forbidden,
    );
    this.logReport(report, batch);
    return report;
  }

  private async requireEnabled(): Promise<void> {
    const enabled = this.options.schemeEnabled;
    if (enabled && !(await enabled()))
      throw new SchemeDisabledError(`scheme ${this.options.scheme.name} is disabled; golden records wait on the topic until it is enabled`);
  }

  private logReport(report: SinkReport, batch: readonly ConsumedMessage[]): void {
    const { correlationIds, ...counts } = report;
    const fields = {
      ...counts,
      partition: batch[0]?.partition,
      offsets: batch.length > 0 ? `${batch[0]!.offset}-${batch.at(-1)!.offset}` : undefined,
      correlationId: correlationIds.length === 1 ? correlationIds[0] : undefined,
      correlationIds: correlationIds.length > 1 ? correlationIds.slice(0, 10) : undefined,
    };
    // Per batch at debug: the consumer logs the totals once the sink goes quiet (SinkTotals).
    this.options.logger.debug(fields, reportLine(report));
  }
}

async function beforeWrite(context: BatchContext | undefined): Promise<void> {
  if (!context) return;
  if (!(await context.isActive()))
    throw new PartitionRevokedError(
      `partition ${context.partition} of ${context.topic} moved to another member; batch abandoned uncommitted`,
    );
  await context.heartbeat();
}
