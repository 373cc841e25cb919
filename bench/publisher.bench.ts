import { alwaysLeader } from '../src/event-store/leader-lock';
import { EventStore } from '../src/event-store/event-store';
import { CheckpointedProcessor, saveCheckpoint } from '../src/event-store/processor';
import { START } from '../src/event-store/stored-event';
import { MessageLog } from '../src/log/message-log.port';
import { GoldenRecordPublisher, PUBLISHER_NAME } from '../src/publishing/golden-record-publisher';
import { warehouseGoldenFold } from '../src/warehouses/golden-record-fold';
import { createTestDatabase, TestDatabase } from '../test/support/test-database';
import { eventTemplates, generateEvents } from './replay-events';
import { alternating, round } from './support';

const EVENTS = Number(process.env.BENCH_PUBLISHER_EVENTS ?? 2000);
const LONG = Number(process.env.BENCH_PUBLISHER_LONG ?? 200);
const ROUNDS = Number(process.env.BENCH_PUBLISHER_ROUNDS ?? 5);

/**
 * The publisher's cost per event against stream length: EVENTS events as streams of 2 versions, and
 * the same number as streams of LONG versions (every event changes the published name, so each one
 * makes a message), each published from the start through the real processor in production mode
 * (a Kafka-kind log, so outside a transaction; the log itself discards). Rounds alternate between
 * the two; each round rewinds the checkpoint and forgets any kept state, as a new stream would find it.
 */
export async function run(): Promise<Record<string, unknown>> {
  const short = await seeded('bench_publisher_short', EVENTS / 2, 2);
  const long = await seeded('bench_publisher_long', EVENTS / LONG, LONG);
  try {
    const [shortMs, longMs] = await alternating(ROUNDS, [() => publishAll(short), () => publishAll(long)]);
    const perEvent = (ms: number) => round((ms * 1000) / EVENTS, 1);
    return {
      database: short.embedded ? 'embedded PGlite' : 'PostgreSQL server',
      eventsPerRun: EVENTS,
      rounds: ROUNDS,
      streamsOf2: { medianMs: round(shortMs, 0), microsPerEvent: perEvent(shortMs) },
      [`streamsOf${LONG}`]: { medianMs: round(longMs, 0), microsPerEvent: perEvent(longMs) },
      longOverShort: round(longMs / shortMs, 2),
      target: 'longOverShort within 0.7–1.3',
      meetsTarget: longMs / shortMs <= 1.3 && longMs / shortMs >= 0.7,
    };
  } finally {
    await short.close();
    await long.close();
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
