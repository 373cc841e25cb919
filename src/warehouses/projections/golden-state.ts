import { EventStore } from '../../event-store/event-store';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { goldenIdOfStream, streamIdOf } from '../domain/events';
import { StreamSummary, emptySummary, foldOnto, summaryFromJson } from './stream-summary';
import { warehouseFacts, writeRecordset } from './warehouse-batch';

/**
 * The current fold of every golden-record stream, kept in `golden_state` beside the read models it
 * feeds and written in the same transaction as their checkpoint: a batch folds only its own events
 * onto it, so each event is folded once, whatever the stream's length.
 */
export async function loadSummaries(db: SqlExecutor, goldenIds: readonly string[]): Promise<Map<string, StreamSummary>> {
  if (goldenIds.length === 0) return new Map();
  const rows: { golden_id: string; summary: Parameters<typeof summaryFromJson>[0] }[] = await db.query(
    `SELECT golden_id, summary FROM golden_state WHERE golden_id = ANY($1::text[])`,
    [goldenIds],
  );
  return new Map(rows.map((r) => [r.golden_id, summaryFromJson(r.summary)]));
}

/** Newer versions replace older ones; an older or equal one (a batch applied again) changes nothing. */
export async function saveSummaries(db: SqlExecutor, summaries: ReadonlyMap<string, StreamSummary>): Promise<void> {
  const rows = [...summaries].map(([goldenId, summary]) => ({ golden_id: goldenId, version: summary.version, summary }));
  await writeRecordset(db, SAVE, rows);
}

const SAVE = `
  INSERT INTO golden_state (golden_id, version, summary)
  SELECT golden_id, version, summary FROM jsonb_to_recordset($1::jsonb) AS r(golden_id text, version int, summary jsonb)
  ON CONFLICT (golden_id) DO UPDATE SET version = EXCLUDED.version, summary = EXCLUDED.summary
  WHERE golden_state.version < EXCLUDED.version`;

/**
 * Each stream the batch touches, folded up to its newest version in the batch: its snapshot plus
 * the batch's events. Events the snapshot lacks before the batch's first one (no snapshot yet after
 * an upgrade, or one left behind) are read from the store in one query; events the snapshot already
 * holds (a batch applied again) are passed over, and the stream is then its snapshot. The store is
 * the app's (with its upcasters), read inside the caller's transaction `db`.
 */
export async function foldTouched(store: EventStore, events: readonly StoredEvent[], db: SqlExecutor): Promise<Map<string, StreamSummary>> {
  const batch = new Map<string, StoredEvent[]>();
  for (const { goldenId, stored } of warehouseFacts(events)) {
    const list = batch.get(goldenId) ?? [];
    list.push(stored);
    batch.set(goldenId, list);
  }
  const kept = await loadSummaries(db, [...batch.keys()]);
  const gaps = new Map<string, { after: number; before: number }>();
  for (const [goldenId, list] of batch) {
    const after = kept.get(goldenId)?.version ?? 0;
    const first = list.find((e) => e.streamVersion > after);
    if (first && first.streamVersion > after + 1) gaps.set(goldenId, { after, before: first.streamVersion });
  }
  const filled = await readGaps(store, db, gaps);
  const result = new Map<string, StreamSummary>();
  for (const [goldenId, list] of batch) {
    const start = foldOnto(kept.get(goldenId) ?? emptySummary(), filled.get(goldenId) ?? []);
    result.set(goldenId, foldOnto(start, list));
  }
  return result;
}

async function readGaps(
  store: EventStore,
  db: SqlExecutor,
  gaps: ReadonlyMap<string, { after: number; before: number }>,
): Promise<Map<string, StoredEvent[]>> {
  if (gaps.size === 0) return new Map();
  const ids = [...gaps].map(([goldenId]) => streamIdOf(goldenId));
  const loaded = await store.readStreams(ids, {
    tx: db,
    after: new Map([...gaps].map(([goldenId, g]) => [streamIdOf(goldenId), g.after])),
    upTo: new Map([...gaps].map(([goldenId, g]) => [streamIdOf(goldenId), g.before - 1])),
  });
  return new Map([...loaded].map(([streamId, list]) => [goldenIdOfStream(streamId)!, list]));
}

/**
 * The exact current fold of these records, even while the golden-records processor lags: the kept
 * fold plus whatever its stream gained since (events are only ever appended, so reading the tail
 * after reading the kept fold misses nothing). Records with no event at all are left out.
 */
export async function currentSummaries(
  store: EventStore,
  db: SqlExecutor,
  goldenIds: readonly string[],
): Promise<Map<string, StreamSummary>> {
  const kept = await loadSummaries(db, goldenIds);
  const tails = await store.readStreams(goldenIds.map(streamIdOf), {
    tx: db,
    after: new Map(goldenIds.map((id) => [streamIdOf(id), kept.get(id)?.version ?? 0])),
  });
  const result = new Map<string, StreamSummary>();
  for (const goldenId of new Set(goldenIds)) {
    const summary = foldOnto(kept.get(goldenId) ?? emptySummary(), tails.get(streamIdOf(goldenId)) ?? []);
    if (summary.version > 0) result.set(goldenId, summary);
  }
  return result;
}
