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
  /**
   * [stream version, record version] where the record version changed, from the last one at or
   * before the synced version on: what a sync result for a later stream version needs to find its
   * record version. Bounded by the versions not yet synced, so the summary can be kept and folded on.
   */
  readonly recordVersions: readonly (readonly [number, number])[];
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  readonly lastSyncAttemptAt: Date | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
}

export const emptySummary = (): StreamSummary => ({
  state: initialState(),
  version: 0,
  publishedVersion: 0,
  publishedRecordVersion: 0,
  syncedRecordVersion: null,
  recordVersions: [],
  createdAt: null,
  updatedAt: null,
  lastSyncAttemptAt: null,
  lastError: null,
});

/** A stream folded from version 1. */
export function summarise(events: readonly StoredEvent[]): StreamSummary {
  return foldOnto(emptySummary(), events);
}

/**
 * `summary` with `events` (the same stream, version order) folded on: the ones at or below its
 * version are already in it and are passed over, so a kept summary plus the new events gives what
 * folding the whole stream gives.
 */
export function foldOnto(summary: StreamSummary, events: readonly StoredEvent[]): StreamSummary {
  for (const stored of events) {
    if (stored.streamVersion <= summary.version) continue;
    const event = toDomainEvent(stored);
    if (!isWarehouseEvent(event)) continue;
    const state = evolve(summary.state, event);
    const published = goldenChangeOf(event, summary.state, state) !== null;
    const synced = state.kingdee.syncedVersion;
    // Sync results name the stream version they wrote: keep where the record version changed.
    const changed = summary.recordVersions.at(-1)?.[1] !== state.recordVersion;
    const recordVersions = changed
      ? [...summary.recordVersions, [stored.streamVersion, state.recordVersion] as const]
      : summary.recordVersions;
    summary = {
      state,
      version: stored.streamVersion,
      publishedVersion: published ? stored.streamVersion : summary.publishedVersion,
      publishedRecordVersion: published ? state.recordVersion : summary.publishedRecordVersion,
      syncedRecordVersion: synced === null ? null : recordVersionAtOrBefore(recordVersions, synced),
      recordVersions: synced === null ? recordVersions : fromLastAtOrBefore(recordVersions, synced),
      createdAt: summary.createdAt ?? stored.recordedAt,
      updatedAt: stored.recordedAt,
      lastSyncAttemptAt: SYNC_RESULTS.has(event.type) ? stored.recordedAt : summary.lastSyncAttemptAt,
      lastError: event.type === 'KingdeeSyncFailed' ? { code: event.data.code, message: event.data.message } : summary.lastError,
    };
  }
  return summary;
}

/** The record version after the last warehouse event at or before `streamVersion` (0: none, or none changed it yet). */
function recordVersionAtOrBefore(changes: readonly (readonly [number, number])[], streamVersion: number): number {
  for (let i = changes.length - 1; i >= 0; i--) if (changes[i]![0] <= streamVersion) return changes[i]![1];
  return 0;
}

/** The changes from the last one at or before `streamVersion` on (the synced version only moves forward). */
function fromLastAtOrBefore(
  changes: readonly (readonly [number, number])[],
  streamVersion: number,
): readonly (readonly [number, number])[] {
  let i = changes.length - 1;
  while (i > 0 && changes[i]![0] > streamVersion) i--;
  return i > 0 ? changes.slice(i) : changes;
}

/**
 * A summary read back from `golden_state.summary` (jsonb, written with JSON.stringify): the state is
 * plain JSON (no Date, Map or undefined inside), only the times came back as ISO strings.
 */
export function summaryFromJson(
  json: Omit<StreamSummary, 'createdAt' | 'updatedAt' | 'lastSyncAttemptAt'> & {
    createdAt: string | null;
    updatedAt: string | null;
    lastSyncAttemptAt: string | null;
  },
): StreamSummary {
  const date = (iso: string | null) => (iso === null ? null : new Date(iso));
  return {
    ...json,
    createdAt: date(json.createdAt),
    updatedAt: date(json.updatedAt),
    lastSyncAttemptAt: date(json.lastSyncAttemptAt),
  };
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
