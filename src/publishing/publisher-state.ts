import { SqlExecutor } from '../event-store/stored-event';

/** The publisher's fold of one golden-record stream up to `version`. */
export interface KeptState<TState = unknown> {
  readonly version: number;
  readonly state: TState;
}

interface Remembered extends KeptState {
  /** The version `publisher_golden_state` holds for the stream (0: none). */
  readonly saved: number;
}

/**
 * Where the publisher keeps its fold of each golden-record stream: the streams it touched lately in
 * memory, and in `publisher_golden_state` a copy written with its checkpoint.
 *
 * A stream's state at version v is the fold of its events 1..v, whatever the checkpoint says, so
 * any kept state older than a batch's first event is a valid start (the events between are read
 * from the store) and a kept state is never wrong, only more or less behind. That is why the table
 * is written only once a stream has moved `saveEvery` versions past its saved copy: a short stream
 * costs no write at all (after a restart its few events are read again, once), a long one at most
 * `saveEvery` events of reading. States travel as JSON, so a fold's state must survive a JSON round
 * trip (no Date, Map or undefined inside).
 */
export class PublisherStates {
  private readonly recent = new Map<string, Remembered>();

  constructor(
    private readonly saveEvery = 20,
    private readonly remember = 10_000,
  ) {}

  /** For each stream, the newest kept state before its first version in the batch, or none. */
  async before(db: SqlExecutor, firsts: ReadonlyMap<string, number>): Promise<Map<string, Remembered>> {
    const starts = new Map<string, Remembered>();
    for (const [streamId, first] of firsts) {
      const own = this.recent.get(streamId);
      if (own && own.version < first) starts.set(streamId, own);
    }
    const unknown = [...firsts.keys()].filter((id) => !starts.has(id));
    if (unknown.length === 0) return starts;
    const rows: { stream_id: string; version: number; state: unknown }[] = await db.query(
      `SELECT stream_id, version, state FROM publisher_golden_state WHERE stream_id = ANY($1::text[])`,
      [unknown],
    );
    for (const r of rows) if (r.version < firsts.get(r.stream_id)!) starts.set(r.stream_id, { ...r, saved: r.version });
    return starts;
  }

  /**
   * Remembers what a batch reached; returns the write to commit with the checkpoint (the states
   * far enough past their saved copy).
   */
  reached(states: ReadonlyMap<string, KeptState & { readonly saved: number }>): (db: SqlExecutor) => Promise<void> {
    const due = [...states].filter(([, s]) => s.version - s.saved >= this.saveEvery);
    const dueIds = new Set(due.map(([id]) => id));
    for (const [streamId, s] of states) {
      this.recent.delete(streamId);
      this.recent.set(streamId, { version: s.version, state: s.state, saved: dueIds.has(streamId) ? s.version : s.saved });
    }
    // Oldest first (a Map iterates in insertion order; a touched stream was just moved to the end).
    for (const streamId of this.recent.keys()) {
      if (this.recent.size <= this.remember) break;
      this.recent.delete(streamId);
    }
    return (db) => save(db, due);
  }
}

/** Newer versions replace older ones (a rewound checkpoint leaves the newer copy: it is as valid). */
async function save(db: SqlExecutor, states: readonly [string, KeptState][]): Promise<void> {
  if (states.length === 0) return;
  const rows = states.map(([streamId, kept]) => ({ stream_id: streamId, version: kept.version, state: kept.state }));
  await db.query(
    `INSERT INTO publisher_golden_state (stream_id, version, state)
     SELECT stream_id, version, state FROM jsonb_to_recordset($1::jsonb) AS r(stream_id text, version int, state jsonb)
     ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state
     WHERE publisher_golden_state.version < EXCLUDED.version`,
    [JSON.stringify(rows)],
  );
}
