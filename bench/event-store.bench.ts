import { randomUUID } from 'node:crypto';
import { EventStore, StreamAppend } from '../src/event-store/event-store';
import { START, StoredEvent } from '../src/event-store/stored-event';
import { createTestDatabase } from '../test/support/test-database';
import { alternating, round, warehouseEventData } from './support';

const BATCHES = 40;
const BATCH_SIZE = 250;
const ROUNDS = 5;

/**
 * Event store append and read-all throughput against raw PostgreSQL baselines measured in the same
 * run on the same rows: a multi-row INSERT into a plain table, and a keyset-paged SELECT scan.
 */
export async function run(): Promise<Record<string, unknown>> {
  const db = await createTestDatabase('bench_event_store');
  try {
    const sql = db.dataSource;
    await sql.query(`CREATE TABLE raw_events (id bigserial PRIMARY KEY, event_id uuid, stream_id text, stream_version int, type text,
      schema_version int, data jsonb, metadata jsonb, occurred_at timestamptz)`);
    const store = new EventStore(sql);
    const metadata = { correlationId: 'bench', actor: 'bench', occurredAt: new Date().toISOString() };
    let next = 0;
    const batch = (): StreamAppend[] =>
      Array.from({ length: BATCH_SIZE }, () => {
        const i = next++;
        return {
          streamId: `warehouse-wh_${i}`,
          expectedVersion: 0,
          metadata,
          events: [{ type: 'WarehouseObservedInWdt', data: warehouseEventData(i) }],
        };
      });
    const rawInsert = async (rows: StreamAppend[]) => {
      const params: unknown[] = [];
      const values = rows.map((r, i) => {
        params.push(
          randomUUID(),
          r.streamId,
          1,
          r.events[0]!.type,
          1,
          JSON.stringify(r.events[0]!.data),
          JSON.stringify(r.metadata),
          r.metadata.occurredAt,
        );
        return `(${Array.from({ length: 8 }, (_, k) => `$${i * 8 + k + 1}`).join(',')})`;
      });
      await sql.query(
        `INSERT INTO raw_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at) VALUES ${values.join(',')}`,
        params,
      );
    };

    // Rounds alternate between the two sides so background noise hits both alike.
    const [appendMs, rawInsertMs] = await alternating(ROUNDS, [
      async () => {
        for (let b = 0; b < BATCHES; b++) await store.appendMany(batch());
      },
      async () => {
        for (let b = 0; b < BATCHES; b++) await rawInsert(batch());
      },
    ]);
    const events = BATCHES * BATCH_SIZE;

    // As autovacuum would have by now: planner statistics for both tables.
    await sql.query('ANALYZE events');
    await sql.query('ANALYZE raw_events');
    const [readAllMs, rawScanMs] = await alternating(ROUNDS, [
      async () => {
        let checkpoint = START;
        for (
          let page: StoredEvent[] = await store.readAllAfter(checkpoint, 1000);
          page.length > 0;
          page = await store.readAllAfter(checkpoint, 1000)
        ) {
          checkpoint = page.at(-1)!;
        }
      },
      async () => {
        let last = '0';
        for (
          let page: { id: string }[] = await sql.query(`SELECT * FROM raw_events WHERE id > $1 ORDER BY id LIMIT 1000`, [last]);
          page.length > 0;
          page = await sql.query(`SELECT * FROM raw_events WHERE id > $1 ORDER BY id LIMIT 1000`, [last])
        ) {
          last = page.at(-1)!.id;
        }
      },
    ]);
    const [{ n: stored }] = await sql.query(`SELECT count(*)::int AS n FROM events`);
    const [{ n: raw }] = await sql.query(`SELECT count(*)::int AS n FROM raw_events`);
    return {
      database: db.embedded ? 'embedded PGlite' : 'PostgreSQL server',
      eventBytes: JSON.stringify(warehouseEventData(1)).length,
      append: {
        events,
        batchSize: BATCH_SIZE,
        eventsPerSecond: round((events / appendMs) * 1000, 0),
        rawInsertRowsPerSecond: round((events / rawInsertMs) * 1000, 0),
        ratio: round(rawInsertMs / appendMs),
      },
      readAll: {
        events: stored,
        eventsPerSecond: round((stored / readAllMs) * 1000, 0),
        rawScanRowsPerSecond: round((raw / rawScanMs) * 1000, 0),
        ratio: round(rawScanMs / readAllMs),
      },
      target: 'ratio >= 0.5 for both',
    };
  } finally {
    await db.close();
  }
}
