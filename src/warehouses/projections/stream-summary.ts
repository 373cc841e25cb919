import { StoredEvent } from '../../event-store/stored-event';
import { evolve } from '../domain/evolve';
import { goldenChangeOf } from '../domain/published-record';
import { WarehouseState, initialState } from '../domain/state';
import { toDomainEvent } from '../application/warehouse-streams';
import { isWarehouseEvent } from '../domain/events';

/** A folded stream plus the facts read models need beyond the state itself. */
export interface StreamSummary {
  readonly state: WarehouseState;
  /** Stream version (every event). */
  readonly version: number;
  /** The last stream version that changed the published record (what Kingdee should be at). */
  readonly publishedVersion: number;
  /** publishedVersion and the synced version in record-version numbering (the ETag's; see record-version). */
  readonly publishedRecordVersion: number;
  readonly syncedRecordVersion: number | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  readonly lastSyncAttemptAt: Date | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
}

export function summarise(events: readonly StoredEvent[]): StreamSummary {
  let summary: StreamSummary = {
    state: initialState(),
    version: 0,
    publishedVersion: 0,
    publishedRecordVersion: 0,
    syncedRecordVersion: null,
    createdAt: null,
    updatedAt: null,
    lastSyncAttemptAt: null,
    lastError: null,
  };
  // The record version after each stream version: sync results name the stream version they wrote.
  const recordVersionAt: number[] = [];
  for (const stored of events) {
    const event = toDomainEvent(stored);
    if (!isWarehouseEvent(event)) continue;
    const state = evolve(summary.state, event);
    recordVersionAt[stored.streamVersion] = state.recordVersion;
    const published = goldenChangeOf(event, summary.state, state) !== null;
    const synced = state.kingdee.syncedVersion;
    summary = {
      state,
      version: stored.streamVersion,
      publishedVersion: published ? stored.streamVersion : summary.publishedVersion,
      publishedRecordVersion: published ? state.recordVersion : summary.publishedRecordVersion,
      syncedRecordVersion: synced === null ? null : recordVersionAtOrBefore(recordVersionAt, synced),
      createdAt: summary.createdAt ?? stored.recordedAt,
      updatedAt: stored.recordedAt,
      lastSyncAttemptAt: SYNC_RESULTS.has(event.type) ? stored.recordedAt : summary.lastSyncAttemptAt,
      lastError: event.type === 'KingdeeSyncFailed' ? { code: event.data.code, message: event.data.message } : summary.lastError,
    };
  }
  return summary;
}

function recordVersionAtOrBefore(recordVersionAt: readonly number[], streamVersion: number): number {
  for (let v = Math.min(streamVersion, recordVersionAt.length - 1); v > 0; v--)
    if (recordVersionAt[v] !== undefined) return recordVersionAt[v]!;
  return 0;
}

const SYNC_RESULTS: ReadonlySet<string> = new Set([
  'KingdeeSyncSucceeded',
  'KingdeeSyncFailed',
  'KingdeeStockForbidden',
  'KingdeeStockAbsent',
]);

export type SyncStatus = 'pending' | 'synced' | 'failed' | 'forbidden' | 'not_in_kingdee';
export const SYNC_STATUSES: readonly SyncStatus[] = ['pending', 'synced', 'failed', 'forbidden', 'not_in_kingdee'];

/**
 * pending until Kingdee has the published version; failed while a sync-failure task is open. A
 * retired version that reached Kingdee is `forbidden` (its BD_STOCK 禁用), or `not_in_kingdee`
 * when there was none to forbid.
 */
export function syncStatusOf(summary: StreamSummary): SyncStatus {
  const { kingdee } = summary.state;
  if (Object.values(kingdee.failures).some((f) => f.open)) return 'failed';
  if (kingdee.syncedVersion === null || kingdee.syncedVersion < summary.publishedVersion) return 'pending';
  if (kingdee.retirement === 'forbidden') return 'forbidden';
  return kingdee.retirement === 'absent' ? 'not_in_kingdee' : 'synced';
}
