import { SqlExecutor } from '../event-store/stored-event';

/** The publisher's fold of one golden-record stream, after `version`. */
export interface KeptState<TState = unknown> {
  readonly version: number;
  readonly state: TState;
}

/**
 * The publisher keeps its own fold of every golden-record stream in `publisher_golden_state`,
 * written with its checkpoint (see GoldenRecordPublisher): the read models' fold moves with their
 * own checkpoint, which may be ahead of or behind the publisher's, so the two are never shared.
 * States travel as JSON, so a fold's state must survive a JSON round trip (no Date, Map, undefined).
 */
export async function loadKeptStates<TState>(db: SqlExecutor, streamIds: readonly string[]): Promise<Map<string, KeptState<TState>>> {
  const rows: { stream_id: string; version: number; state: TState }[] = await db.query(
    `SELECT stream_id, version, state FROM publisher_golden_state WHERE stream_id = ANY($1::text[])`,
    [streamIds],
  );
  return new Map(rows.map((r) => [r.stream_id, { version: r.version, state: r.state }]));
}

/**
 * Saved with the checkpoint, the kept state is always the state at that checkpoint. Unlike the read
 * models' upsert it may move back: when an operator rewinds the checkpoint to publish again, the
 * publisher folds those streams from their start and keeps what it reached.
 */
export async function saveKeptStates(db: SqlExecutor, states: ReadonlyMap<string, KeptState>): Promise<void> {
  if (states.size === 0) return;
  const rows = [...states].map(([streamId, kept]) => ({ stream_id: streamId, version: kept.version, state: kept.state }));
  await db.query(
    `INSERT INTO publisher_golden_state (stream_id, version, state)
     SELECT stream_id, version, state FROM jsonb_to_recordset($1::jsonb) AS r(stream_id text, version int, state jsonb)
     ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state`,
    [JSON.stringify(rows)],
  );
}
