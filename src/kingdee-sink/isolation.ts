import type { ConsumedMessage } from '../log/message-log.port';
import type { RenderedBatch } from '../schemes/render-batch-save';
import { KingdeeError, KingdeeErrorCode } from './kingdee-client';

/** Whole-call failures that one bad record can cause (a server exception, a rejected or garbled answer). */
const CONTENT_SUSPECT: ReadonlySet<string> = new Set([
  KingdeeErrorCode.serverException,
  KingdeeErrorCode.rejected,
  KingdeeErrorCode.malformedResponse,
]);

export const isContentSuspect = (error: unknown): error is KingdeeError =>
  error instanceof KingdeeError && CONTENT_SUSPECT.has(error.reason);

/** After this many whole-call failures in a row, a batch's records are sent one by one. */
export const ISOLATE_AFTER = 3;

/**
 * Remembers batches that Kingdee keeps failing as a whole with a content-suspect error, so the next
 * delivery isolates the record responsible instead of blocking the partition for ever (docs/architecture.md). Network trouble, 5xx, login and session failures never count: those are Kingdee's
 * problem, not a record's. In memory only: after a restart it takes ISOLATE_AFTER failures again.
 */
export class FailingBatches {
  private readonly failures = new Map<string, number>();
  /** Batches that failed for any reason: their next delivery looks every record up again. */
  private readonly retried = new Set<string>();

  shouldIsolate(batch: readonly ConsumedMessage[]): boolean {
    return (this.failures.get(keyOf(batch)) ?? 0) >= ISOLATE_AFTER;
  }

  /** Whether this batch failed before (in this process): what Kingdee holds of it is then unknown. */
  redelivered(batch: readonly ConsumedMessage[]): boolean {
    return this.retried.has(keyOf(batch));
  }

  failed(batch: readonly ConsumedMessage[], error: unknown): void {
    if (this.retried.size > 1000) this.retried.clear();
    this.retried.add(keyOf(batch));
    if (!isContentSuspect(error)) return;
    if (this.failures.size > 1000) this.failures.clear();
    this.failures.set(keyOf(batch), (this.failures.get(keyOf(batch)) ?? 0) + 1);
  }

  succeeded(batch: readonly ConsumedMessage[]): void {
    this.failures.delete(keyOf(batch));
    this.retried.delete(keyOf(batch));
  }
}

/** A redelivery starts at the same offset; on the embedded log it may have grown at the end. */
const keyOf = (batch: readonly ConsumedMessage[]): string => (batch[0] ? `${batch[0].topic}:${batch[0].partition}:${batch[0].offset}` : '');

/** One BatchSave per record: Model[i] with entries[i], same options. */
export function singleRecordBatches(batch: RenderedBatch): RenderedBatch[] {
  return batch.entries.map((entry, i) => ({
    operation: batch.operation,
    body: { ...batch.body, data: { ...batch.body.data, Model: [batch.body.data.Model[i]!] } },
    entries: [entry],
  }));
}
