import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';

/**
 * A small read model for replay tests: per stream, its version, how many events it has and the
 * last type, kept idempotent by stream version like every real projection (docs/architecture.md).
 */
export class StreamCountProjection implements Projection {
  readonly tables = ['test_stream_counts'];
  /** Fails every apply call from the Nth on (1-based): a crash mid-replay (a one-off failure is retried event by event). */
  failOnCall: number | undefined;
  private calls = 0;

  constructor(readonly name = 'test.stream-counts.v1') {}

  static async createTable(db: SqlExecutor): Promise<void> {
    await db.query(`CREATE TABLE IF NOT EXISTS test_stream_counts (
      stream_id text PRIMARY KEY, version integer NOT NULL CHECK (version > 0), events integer NOT NULL, last_type text NOT NULL)`);
    await db.query(`CREATE INDEX IF NOT EXISTS test_stream_counts_type ON test_stream_counts (last_type, stream_id)`);
  }

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    if (++this.calls >= (this.failOnCall ?? Infinity)) throw new Error('simulated crash');
    // One statement per event: an upsert may not touch the same row twice, and a double
    // application must show up as a wrong `events` count.
    for (const e of events) {
      await tx.query(
        `INSERT INTO test_stream_counts AS t (stream_id, version, events, last_type) VALUES ($1, $2, 1, $3)
         ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, events = t.events + 1, last_type = excluded.last_type
         WHERE t.version < excluded.version`,
        [e.streamId, e.streamVersion, e.type],
      );
    }
  }
}

/** What the read model must hold, computed straight from the events. */
export const EXPECTED_COUNTS = `SELECT stream_id, max(stream_version) AS version, count(*)::int AS events,
  (array_agg(type ORDER BY stream_version DESC))[1] AS last_type FROM events GROUP BY stream_id ORDER BY stream_id`;
export const ACTUAL_COUNTS = `SELECT stream_id, version, events, last_type FROM test_stream_counts ORDER BY stream_id`;
