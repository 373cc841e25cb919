import { renderBatchSaveBodies, type RenderedBatch } from '../schemes/render-batch-save';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { existingStocks, type ExistingStocksOptions, type SinkKingdee } from './existing-stocks';
import { ISOLATE_AFTER, isContentSuspect, singleRecordBatches } from './isolation';
import type { KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';
import { classifyOutcomes, givenUp, type FailedRecord, type RetryRecord, type SavedRecord } from './outcomes';
import type { SinkMessage } from './sink-messages';
import type { SkippedMessage } from './batch-plan';
import { withoutSyncedVersions } from './version-fence';

/** The reason code for a record the scheme cannot map (a steward or the scheme must change). */
export const SCHEME_RENDER_FAILED = 'scheme_render_failed';

export interface SinkFailure {
  readonly sink: SinkMessage;
  readonly code: string;
  readonly message: string;
}

export interface WriteResult {
  readonly saved: readonly SavedRecord[];
  readonly failed: readonly SinkFailure[];
  /** Records another writer brought to this or a newer version in Kingdee while this batch was under way. */
  readonly skipped: readonly SkippedMessage[];
}

export interface SinkWriterOptions {
  readonly kingdee: SinkKingdee;
  readonly scheme: IntegrationScheme;
  /** Called after every BatchSave with what it saved, so results are recorded as soon as they are known. */
  readonly onSaved: (saved: readonly SavedRecord[]) => Promise<void>;
  /** Called before every Kingdee write: heartbeats, and throws when the partition has moved away. */
  readonly beforeWrite: () => Promise<void>;
  /** The hub's recorded sync state, asked again right before every BatchSave. */
  readonly syncState: (goldenIds: readonly string[]) => Promise<ReadonlyMap<string, KingdeeSyncState>>;
  /** Rounds per record within one batch (retryable record failures, `exists`, stale ids). */
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  /** One BatchSave per record, to find the record that makes Kingdee fail the whole call (see isolation.ts). */
  readonly isolate?: boolean;
  /** This batch failed before (its outcome in Kingdee is unknown): look every record up by number, even those with a recorded FStockId. */
  readonly redelivered?: boolean;
  /** Bounds the BatchSave calls in flight across the process (KINGDEE_CONCURRENCY); none when absent. */
  readonly writeSlots?: WriteSlots;
}

/** A process-wide limit on concurrent Kingdee writes: `run` waits for a slot, then calls. */
export interface WriteSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
}

type Round = {
  saved: SavedRecord[];
  retry: RetryRecord[];
  failed: SinkFailure[];
  answered: number;
  skipped: SkippedMessage[];
  suspects: { failure: SinkFailure; error: Error }[];
};

/**
 * Writes record versions to Kingdee in rounds: look up, render, BatchSave each body, sort the
 * outcomes. Records worth another try go round again (a fresh look-up each time) up to
 * `maxAttempts`; then they count as permanent failures. Whole-call failures (network, 5xx,
 * session, login) are thrown: the caller commits nothing and the log redelivers the batch.
 */
export class SinkWriter {
  constructor(private readonly options: SinkWriterOptions) {}

  async write(todo: readonly SinkMessage[], recorded: ReadonlyMap<string, KingdeeSyncState>): Promise<WriteResult> {
    const saved: SavedRecord[] = [];
    const failed: SinkFailure[] = [];
    const skipped: SkippedMessage[] = [];
    const stale = new Set<string>();
    let pending = todo;
    for (let attempt = 1; pending.length > 0; attempt++) {
      // Round 1 trusts the FStockIds the hub recorded; records that go round again are looked up afresh.
      const round = await this.round(pending, recorded, { staleIds: stale, lookUpRecorded: attempt > 1 || !!this.options.redelivered });
      saved.push(...round.saved);
      failed.push(...round.failed);
      skipped.push(...round.skipped);
      round.retry.filter((r) => r.staleId).forEach((r) => stale.add(r.entry.goldenId));
      const again = new Set(round.retry.map((r) => r.entry.goldenId));
      if (attempt >= this.options.maxAttempts) failed.push(...this.failures(givenUp(round.retry, attempt), pending));
      pending = attempt >= this.options.maxAttempts ? [] : pending.filter((m) => again.has(m.message.goldenId));
      if (pending.length > 0) await new Promise((r) => setTimeout(r, this.options.retryDelayMs * attempt));
    }
    return { saved, failed, skipped };
  }

  private async round(
    pending: readonly SinkMessage[],
    recorded: ReadonlyMap<string, KingdeeSyncState>,
    lookup: ExistingStocksOptions,
  ): Promise<Round> {
    const { kingdee, scheme } = this.options;
    const messages = pending.map((m) => m.message);
    const existing = await existingStocks(kingdee, scheme, messages, recorded, lookup);
    const { batches, failures } = renderBatchSaveBodies(scheme, messages, existing);
    const round: Round = { saved: [], retry: [], failed: [], answered: 0, skipped: [], suspects: [] };
    for (const f of failures)
      round.failed.push({ sink: pending.find((m) => m.message.goldenId === f.goldenId)!, code: SCHEME_RENDER_FAILED, message: f.message });
    for (const batch of this.options.isolate ? batches.flatMap(singleRecordBatches) : batches) await this.save(batch, pending, round);
    if (round.suspects.length === 0) return round;
    // Kingdee answered for other records, so it is up: the ones it failed alone are the problem.
    // If it answered for none, nothing shows that, so the batch is retried as before.
    if (round.answered === 0) throw round.suspects[0]!.error;
    round.failed.push(...round.suspects.map((s) => s.failure));
    return round;
  }

  private async save(planned: RenderedBatch, pending: readonly SinkMessage[], round: Round): Promise<void> {
    // The ownership check and the version fence run inside the slot, right before the call: a
    // rebalance or a newer write may happen while this batch waits for its turn.
    const sent = await (this.options.writeSlots ?? direct).run(async () => {
      await this.options.beforeWrite();
      const fenced = withoutSyncedVersions(planned, await this.options.syncState(planned.entries.map((e) => e.goldenId)));
      round.skipped.push(...fenced.skipped);
      const batch = fenced.batch;
      if (!batch) return undefined;
      try {
        return { kind: 'answered' as const, batch, outcome: await this.options.kingdee.batchSave(batch.body) };
      } catch (error) {
        if (!this.options.isolate || !isContentSuspect(error)) throw error;
        return { kind: 'suspect' as const, batch, error };
      }
    });
    if (!sent) return;
    const { batch } = sent;
    if (sent.kind === 'suspect') {
      const { error } = sent;
      const message = `${error.message} (Kingdee fails the whole call for this record alone, after ${ISOLATE_AFTER} failed deliveries of its batch)`;
      round.suspects.push(
        ...this.failures(
          batch.entries.map((entry) => ({ entry, code: error.reason, message })),
          pending,
        ).map((failure) => ({ failure, error })),
      );
      return;
    }
    round.answered++;
    const sorted = classifyOutcomes(batch, sent.outcome.records);
    if (sorted.saved.length > 0) await this.options.onSaved(sorted.saved);
    round.saved.push(...sorted.saved);
    round.retry.push(...sorted.retry);
    round.failed.push(...this.failures(sorted.failed, pending));
  }

  private failures(records: readonly FailedRecord[], pending: readonly SinkMessage[]): SinkFailure[] {
    return records.map((r) => ({ sink: pending.find((m) => m.message.goldenId === r.entry.goldenId)!, code: r.code, message: r.message }));
  }
}

const direct: WriteSlots = { run: (work) => work() };
