import { alwaysLeader } from '../src/event-store/leader-lock';
import { EventStore } from '../src/event-store/event-store';
import { CheckpointedProcessor, saveCheckpoint } from '../src/event-store/processor';
import { START } from '../src/event-store/stored-event';
import { MessageLog } from '../src/log/message-log.port';
import { GoldenRecordPublisher, PUBLISHER_NAME } from '../src/publishing/golden-record-publisher';
import { warehouseGoldenFold } from '../src/warehouses/golden-record-fold';
import { createTestDatabase, TestDatabase } from '../test/support/test-database';
import { eventTemplates, generateEvents } from './replay-events';
import { performance } from 'node:perf_hooks';
import { percentile, round } from './support';

const EVENTS = Number(process.env.BENCH_PUBLISHER_EVENTS ?? 2000);
const LENGTHS = [2, 20, Number(process.env.BENCH_PUBLISHER_LONG ?? 200)];
const ROUNDS = Number(process.env.BENCH_PUBLISHER_ROUNDS ?? 5);

/**
 * The publisher's cost per event against stream length: EVENTS events as streams of 2 versions, of
 * 20 and of 200 (every event changes the published name, so each one makes a message), each
 * published from the start through the real processor in production mode (a Kafka-kind log, so
 * outside a transaction; the log itself discards). Rounds alternate between the lengths; each
 * round is a fresh publisher with the checkpoint rewound and no kept state, as new streams find it.
 * A stream's first event (its creation) is about 2.5 times the size of an update, so streams of 2
 * (half creations) cost more per event for that alone: 20 vs 200 compares like with like.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dbs: TestDatabase[] = [];
  try {
    for (const length of LENGTHS) dbs.push(await seeded(`bench_publisher_${length}`, EVENTS / length, length));
    const times: number[][] = LENGTHS.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, db] of dbs.entries()) {
        const start = performance.now();
        await publishAll(db);
        times[i]!.push(performance.now() - start);
      }
    }
    const micros = times.map((t) => round((percentile(t, 50) * 1000) / EVENTS, 1));
    const [of2, of20, ofLong] = micros as [number, number, number];
    return {
      database: dbs[0]!.embedded ? 'embedded PGlite' : 'PostgreSQL server',
      eventsPerRun: EVENTS,
      rounds: ROUNDS,
      microsPerEventByStreamLength: Object.fromEntries(LENGTHS.map((length, i) => [length, micros[i]])),
      [`${LENGTHS[2]}Over2`]: round(ofLong / of2, 2),
      [`${LENGTHS[2]}Over20`]: round(ofLong / of20, 2),
      target: 'per-event cost flat in stream length: ratios within 0.7–1.3 (or below: longer streams cheaper)',
    };
  } finally {
    for (const db of dbs) await db.close();
  }
}

async function seeded(label: string, streams: number, versions: number): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  await generateEvents(db.dataSource, eventTemplates(), streams, versions, 'wh_p');
  await db.dataSource.query('VACUUM (ANALYZE) events');
  return db;
}

const discard = { kind: 'kafka', publish: async () => undefined } as unknown as MessageLog;

async function publishAll(db: TestDatabase): Promise<void> {
  const sql = db.dataSource;
  await saveCheckpoint(sql, PUBLISHER_NAME, START);
  // Absent before the publisher kept states of its own: the same bench then measures the old publisher.
  const [{ kept }] = await sql.query(`SELECT to_regclass('publisher_golden_state') IS NOT NULL AS kept`);
  if (kept) await sql.query(`DELETE FROM publisher_golden_state`);
  const store = new EventStore(sql);
  const publisher = new GoldenRecordPublisher(store, discard, warehouseGoldenFold, 'golden');
  const passed = await new CheckpointedProcessor(sql, store, publisher, alwaysLeader.forName(PUBLISHER_NAME)).catchUp();
  if (passed !== EVENTS) throw new Error(`published ${passed} events, expected ${EVENTS}`);
}
