import type { RecordOutcome } from './kingdee-client';
import { KingdeeErrorCode } from './kingdee-client';
import type { RenderedBatch, RenderedEntry } from '../schemes/render-batch-save';

export interface SavedRecord {
  readonly entry: RenderedEntry;
  readonly fStockId: string;
  readonly operation: 'created' | 'updated';
}

/** Worth another round in this batch: a fresh lookup and render may well succeed. */
export interface RetryRecord {
  readonly entry: RenderedEntry;
  readonly code: string;
  readonly message: string;
  /** The FStockId we sent no longer exists in Kingdee: do not use the recorded one again. */
  readonly staleId: boolean;
}

/** Kingdee will not take this record version as it is: DLQ and a stewardship task. */
export interface FailedRecord {
  readonly entry: RenderedEntry;
  readonly code: string;
  readonly message: string;
}

export interface ClassifiedOutcomes {
  readonly saved: readonly SavedRecord[];
  readonly retry: readonly RetryRecord[];
  readonly failed: readonly FailedRecord[];
}

/**
 * Sorts one BatchSave's per-record outcomes (records[i] is Model[i], entries[i] says whose it is).
 * `exists` (the client found the number after a session loss) and a duplicate number on a create
 * mean the record is already in Kingdee, maybe with older values: they go round again and are then
 * rendered as updates. An update whose FStockId is gone goes round again to be looked up afresh.
 */
export function classifyOutcomes(batch: RenderedBatch, records: readonly RecordOutcome[]): ClassifiedOutcomes {
  const saved: SavedRecord[] = [];
  const retry: RetryRecord[] = [];
  const failed: FailedRecord[] = [];
  batch.entries.forEach((entry, index) => {
    const outcome = records.find((r) => r.index === index);
    if (!outcome) {
      retry.push({ entry, code: KingdeeErrorCode.noResult, message: 'Kingdee returned no result for this record', staleId: false });
    } else if (outcome.status === 'saved') {
      saved.push({ entry, fStockId: outcome.id, operation: entry.operation === 'create' ? 'created' : 'updated' });
    } else if (outcome.status === 'exists') {
      retry.push({
        entry,
        code: 'kingdee_exists',
        message: `${entry.fNumber} already exists in Kingdee (FStockId ${outcome.id}); sending it as an update`,
        staleId: false,
      });
    } else {
      const { code, message, retryable } = outcome.error;
      const duplicateOnCreate = entry.operation === 'create' && code === KingdeeErrorCode.duplicateNumber;
      const staleId = entry.operation === 'update' && code === KingdeeErrorCode.notFound;
      if (retryable || duplicateOnCreate || staleId) retry.push({ entry, code, message, staleId });
      else failed.push({ entry, code, message });
    }
  });
  return { saved, retry, failed };
}

/** What is left after the last round: still failing, so permanent for this version. */
export function givenUp(retry: readonly RetryRecord[], attempts: number): FailedRecord[] {
  return retry.map(({ entry, code, message }) => ({ entry, code, message: `${message} (still failing after ${attempts} attempts)` }));
}
