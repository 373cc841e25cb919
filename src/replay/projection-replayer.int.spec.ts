import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { EventStore } from '../event-store/event-store';
import { alwaysLeader } from '../event-store/leader-lock';
import { CheckpointedProcessor, loadCheckpoint } from '../event-store/processor';
import { ProjectionReplayer } from './projection-replayer';
import { ShadowProjection, shadowCheckpointName } from './shadow-projection';
import { schemaExists, shadowSchemaName } from './shadow-schema';
import { ACTUAL_COUNTS, EXPECTED_COUNTS, StreamCountProjection } from './testing/stream-count-projection';

const meta = { correlationId: 'replay-test', actor: 'test', occurredAt: '2026-11-28T09:00:00.000Z' };
const indexNames = `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'test_stream_counts' ORDER BY indexname`;

describe('projection replay (PostgreSQL)', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let store: EventStore;
  let appended = 0;
  const append = async (streams: number, round: number) => {
    await store.appendMany(
      Array.from({ length: streams }, (_, i) => ({
        streamId: `warehouse-wh_${i}`,
        expectedVersion: 'any' as const,
        metadata: meta,
        events: [{ type: round % 2 ? 'Renamed' : 'Observed', data: { round } }],
      })),
    );
    appended += streams;
  };
  before(async () => {
    db = await createTestDatabase('replay');
    store = new EventStore(db.dataSource);
    await StreamCountProjection.createTable(db.dataSource);
    for (let round = 0; round < 10; round++) await append(200, round);
  });
  after(() => db.close());

  it('rebuilds a read model during live traffic: readers see consistent answers, and it ends identical to the incremental one', async () => {
    const projection = new StreamCountProjection();
    const live = new CheckpointedProcessor(db.dataSource, store, projection, alwaysLeader.forName('live'), { idleMs: 20 });
    // An incremental reference built by the same code beside it, batch by batch as traffic arrives.
    const reference = new ShadowProjection(new StreamCountProjection('test.reference'), 'reference_counts');
    await db.dataSource.query(
      `CREATE SCHEMA reference_counts; CREATE TABLE reference_counts.test_stream_counts (LIKE public.test_stream_counts INCLUDING ALL)`,
    );
    const referenceProcessor = new CheckpointedProcessor(db.dataSource, store, reference, alwaysLeader.forName('ref'), { batchSize: 97 });
    await live.catchUp();
    const indexesBefore = await db.dataSource.query(indexNames);
    live.start();
    let traffic = true;
    const writer = (async () => {
      // Bounded: on a loaded machine an endless writer could outpace the rebuild and the test would never end.
      for (let round = 10; traffic && round < 60; round++) {
        await append(50, round);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const readings: { total: number; bad: number }[] = [];
    const reader = (async () => {
      while (traffic) {
        const [row] = await db.dataSource.query(
          `SELECT coalesce(sum(events), 0)::int AS total, count(*) FILTER (WHERE events <> version)::int AS bad FROM test_stream_counts`,
        );
        readings.push(row);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const result = await new ProjectionReplayer(db.dataSource, store).replay(projection, { batchSize: 500 });
    traffic = false;
    await Promise.all([writer, reader]);
    await live.stop();
    await live.catchUp();
    await referenceProcessor.catchUp();

    assert.equal(result.resumed, false);
    assert.ok(result.events >= 2000, `replayed ${result.events}`);
    assert.ok(readings.length > 3, 'the read model answered throughout');
    assert.equal(readings.filter((r) => r.bad > 0).length, 0, 'every answer is internally consistent');
    for (let i = 1; i < readings.length; i++)
      assert.ok(
        readings[i]!.total >= readings[i - 1]!.total,
        `answers never go back: ${readings[i - 1]!.total} then ${readings[i]!.total}`,
      );
    const expected = await db.dataSource.query(EXPECTED_COUNTS);
    assert.equal(
      expected.reduce((n: number, r: { events: number }) => n + r.events, 0),
      appended,
    );
    assert.deepEqual(await db.dataSource.query(ACTUAL_COUNTS), expected);
    assert.deepEqual(
      await db.dataSource.query(ACTUAL_COUNTS.replace('test_stream_counts', 'reference_counts.test_stream_counts')),
      expected,
    );
    assert.deepEqual(await db.dataSource.query(indexNames), indexesBefore, 'the swapped-in table has the migration’s index names');
    assert.equal(await schemaExists(db.dataSource, shadowSchemaName(projection.name)), false, 'the shadow is gone');
    const checkpoint = await loadCheckpoint(db.dataSource, projection.name);
    assert.equal(checkpoint.globalPosition, (await db.dataSource.query(`SELECT max(global_position)::text AS p FROM events`))[0].p);
  });

  it('resumes an interrupted replay from its shadow checkpoint', async () => {
    const crashing = new StreamCountProjection();
    crashing.failOnCall = 3;
    const replayer = new ProjectionReplayer(db.dataSource, store);
    await assert.rejects(replayer.replay(crashing, { batchSize: 300 }), /simulated crash/);
    const stopped = await loadCheckpoint(db.dataSource, shadowCheckpointName(crashing.name));
    assert.equal(stopped.globalPosition !== '0', true, 'two batches were kept');
    await append(100, 99);
    const resumed = await replayer.replay(new StreamCountProjection(), { batchSize: 300 });
    assert.equal(resumed.resumed, true);
    assert.equal(resumed.from, stopped.globalPosition);
    assert.deepEqual(await db.dataSource.query(ACTUAL_COUNTS), await db.dataSource.query(EXPECTED_COUNTS));
  });

  it('refuses publishers and projections that do not declare their tables', async () => {
    const replayer = new ProjectionReplayer(db.dataSource, store);
    await assert.rejects(replayer.replay({ name: 'publisher.golden.v1', tables: ['x'], apply: async () => undefined }), /never replayed/);
    await assert.rejects(replayer.replay({ name: 'no-tables', apply: async () => undefined }), /does not declare its tables/);
  });
});
