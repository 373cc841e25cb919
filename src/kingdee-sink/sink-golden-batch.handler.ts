import type { BatchContext, ConsumedMessage, MessageLog } from '../log/message-log.port';
import type { GoldenRecordChangedV1 } from '../publishing/golden-record-changed.v1';
import type { IntegrationScheme } from '../schemes/scheme';
import { planBatch } from './batch-plan';
import { deadLetterForPoison, deadLetterForRecord } from './dead-letters';
import type { SinkKingdee } from './existing-stocks';
import type { KingdeeSyncResultRecorder, KingdeeSyncState } from './kingdee-sync-result-recorder.port';
import type { SavedRecord } from './outcomes';
import { parseSinkMessages, type PoisonMessage } from './sink-messages';
import { reportLine, sinkReport, type SinkReport } from './sink-report';
import { SinkWriter, type SinkFailure } from './sink-writer';

export interface SinkLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

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
}

/** Thrown when the partition moved to another member mid-batch: stop writing, commit nothing. */
export class PartitionRevokedError extends Error {}

/** Thrown while the scheme is switched off: the batch stays uncommitted and comes back after a backoff. */
export class SchemeDisabledError extends Error {}

/**
 * One batch of golden-record messages → Kingdee. Resolving means every message is finished
 * (written and recorded, skipped, or dead-lettered with a stewardship task), so the log commits.
 * Throwing (Kingdee unreachable, 5xx, session or login trouble, the recorder failing) commits
 * nothing: the log redelivers after a backoff and the look-up by number keeps repeats harmless.
 */
export class SinkGoldenBatchHandler {
  private readonly now: () => Date;

  constructor(private readonly options: SinkGoldenBatchOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async handle(batch: readonly ConsumedMessage[], context?: BatchContext): Promise<SinkReport> {
    await this.requireEnabled();
    const { valid, poison } = parseSinkMessages(batch);
    const ids = [...new Set(valid.map((m) => m.message.goldenId))];
    const states: ReadonlyMap<string, KingdeeSyncState> = ids.length > 0 ? await this.options.recorder.syncState(ids) : new Map();
    const plan = planBatch(valid, states, this.options.scheme);
    const byId = new Map(plan.write.map((m) => [m.message.goldenId, m.message]));
    const writer = new SinkWriter({
      kingdee: this.options.kingdee,
      scheme: this.options.scheme,
      onSaved: (saved) => this.recordSaved(saved, byId),
      beforeWrite: async () => {
        await this.requireEnabled();
        await beforeWrite(context);
      },
      maxAttempts: this.options.maxAttempts ?? 3,
      retryDelayMs: this.options.retryDelayMs ?? 500,
    });
    const { saved, failed } = plan.write.length > 0 ? await writer.write(plan.write, states) : { saved: [], failed: [] };
    await this.deadLetter(poison, failed);
    const report = sinkReport(saved, failed.length, plan.skipped, poison.length, valid.map((m) => correlationOf(m.message)));
    this.logReport(report, batch);
    return report;
  }

  private async requireEnabled(): Promise<void> {
    const enabled = this.options.schemeEnabled;
    if (enabled && !(await enabled())) throw new SchemeDisabledError(`scheme ${this.options.scheme.name} is disabled; golden records wait on the topic until it is enabled`);
  }

  private async recordSaved(saved: readonly SavedRecord[], byId: ReadonlyMap<string, GoldenRecordChangedV1>): Promise<void> {
    const at = this.now();
    await this.options.recorder.recordSuccess(saved.map(({ entry, fStockId, operation }) => ({
      goldenId: entry.goldenId, version: entry.version, fStockId, fNumber: entry.fNumber, operation, at, correlationId: correlationOf(byId.get(entry.goldenId)!),
    })));
  }

  /** DLQ first, then the failure is recorded (which opens the stewardship task); both before the commit. */
  private async deadLetter(poison: readonly PoisonMessage[], failed: readonly SinkFailure[]): Promise<void> {
    const at = this.now();
    const letters = [
      ...poison.map((p) => deadLetterForPoison(p, at)),
      ...failed.map((f) => deadLetterForRecord(f.sink.message, f.sink.source, { code: f.code, message: f.message }, at)),
    ];
    if (letters.length === 0) return;
    await this.options.log.publish(this.options.dlqTopic, letters);
    for (const p of poison) {
      this.options.logger.warn({ topic: p.source.topic, partition: p.source.partition, offset: p.source.offset, problems: p.problems.slice(0, 5) }, 'invalid golden-record message sent to the DLQ');
    }
    for (const { sink: { message }, code, message: reason } of failed) {
      this.options.logger.warn({ goldenId: message.goldenId, version: message.version, code, reason, correlationId: correlationOf(message) }, 'Kingdee did not take a record: sent to the DLQ, stewardship task opened');
    }
    if (failed.length === 0) return;
    await this.options.recorder.recordFailure(failed.map(({ sink: { message }, code, message: reason }) => ({
      goldenId: message.goldenId, version: message.version, code, message: reason, permanent: true, at, correlationId: correlationOf(message),
    })));
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

const correlationOf = (m: GoldenRecordChangedV1): string => m.correlationId ?? m.eventId;

async function beforeWrite(context: BatchContext | undefined): Promise<void> {
  if (!context) return;
  if (!context.isActive()) throw new PartitionRevokedError(`partition ${context.partition} of ${context.topic} moved to another member; batch abandoned uncommitted`);
  await context.heartbeat();
}
