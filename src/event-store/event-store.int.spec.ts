import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { ConcurrencyError, EventStore } from './event-store';
import { CheckpointedProcessor, loadCheckpoint } from './processor';
import { alwaysLeader } from './leader-lock';
import { Checkpoint, EventMetadata, SqlExecutor, START, StoredEvent } from './stored-event';
import { UpcasterRegistry } from './upcasters';

const meta = (n = 0): EventMetadata => ({
  correlationId: `c-${n}`,
  actor: 'test',
  occurredAt: new Date(Date.UTC(2026, 10, 28, 9, 0, n)).toISOString(),
});

describe('event store (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  before(async () => {
    db = await createTestDatabase('event_store');
    store = new EventStore(db.dataSource);
  });
  after(() => db.close());

  it('appends with the expected version and reads the stream back in order', async () => {
    await store.append(
      'wh-1',
      0,
      [
        { type: 'A', data: { n: 1 } },
        { type: 'B', data: { n: 2 } },
      ],
      meta(1),
    );
    const result = await store.append('wh-1', 2, [{ type: 'C', data: { n: 3, text: '仓库' } }], meta(2));
    assert.equal(result.nextExpectedVersion, 3);
    const events = await store.readStream('wh-1');
    assert.deepEqual(
      events.map((e) => [e.streamVersion, e.type]),
      [
        [1, 'A'],
        [2, 'B'],
        [3, 'C'],
      ],
    );
    assert.deepEqual(events[2]!.data, { n: 3, text: '仓库' });
    assert.equal(events[0]!.metadata.correlationId, 'c-1');
    assert.equal(events[0]!.occurredAt.toISOString(), meta(1).occurredAt);
  });

  it('rejects a stale expected version with a typed ConcurrencyError and writes nothing', async () => {
    await assert.rejects(store.append('wh-1', 1, [{ type: 'X', data: {} }], meta()), ConcurrencyError);
    await assert.rejects(store.append('wh-new', 5, [{ type: 'X', data: {} }], meta()), ConcurrencyError);
    assert.equal((await store.readStream('wh-1')).length, 3);
  });

  it('turns a race between two writers into a ConcurrencyError for one of them', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => store.append('wh-race', 0, [{ type: 'Raced', data: { i } }], meta(i))),
    );
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    for (const o of outcomes) if (o.status === 'rejected') assert.ok(o.reason instanceof ConcurrencyError, String(o.reason));
  });

  it('refuses updates and deletes of events', async () => {
    await assert.rejects(db.dataSource.query(`UPDATE events SET type = 'Z'`), /append-only/);
    await assert.rejects(db.dataSource.query(`DELETE FROM events`), /append-only/);
  });

  it('upcasts old schema versions on read', async () => {
    const upcasting = new EventStore(
      db.dataSource,
      new UpcasterRegistry([
        { type: 'Renamed', fromVersion: 1, upcast: (d) => ({ title: (d as { name: string }).name }) },
        { type: 'Renamed', fromVersion: 2, upcast: (d) => ({ ...(d as object), lang: 'zh' }) },
      ]),
    );
    await upcasting.append('wh-up', 0, [{ type: 'Renamed', data: { name: '北京仓' } }], meta());
    const [event] = await upcasting.readStream('wh-up');
    assert.equal(event!.schemaVersion, 3);
    assert.deepEqual(event!.data, { title: '北京仓', lang: 'zh' });
  });

  it('answers a stream as it was at a point in time', async () => {
    await store.append('wh-time', 0, [{ type: 'A', data: {} }], meta());
    await new Promise((r) => setTimeout(r, 20));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await store.append('wh-time', 1, [{ type: 'B', data: {} }], meta());
    assert.deepEqual(
      (await store.readStream('wh-time', { asOf: between })).map((e) => e.type),
      ['A'],
    );
  });

  it('a processor saves its checkpoint with its writes and resumes from it', async () => {
    await db.dataSource.query(`CREATE TABLE seen (event_id uuid PRIMARY KEY)`);
    assert.ok(await store.waitUntilReadable(), 'every committed event readable (a transaction elsewhere on the server holds the horizon)');
    const [first, second] = await store.readAllAfter(START, 2);
    let crashOn: string | undefined = second!.eventId;
    const projection = {
      name: 'seen-test',
      async apply(events: readonly StoredEvent[], tx: SqlExecutor) {
        for (const e of events) {
          await tx.query(`INSERT INTO seen VALUES ($1) ON CONFLICT DO NOTHING`, [e.eventId]);
          if (e.eventId === crashOn) throw new Error('crash mid-batch');
        }
      },
    };
    const processor = new CheckpointedProcessor(db.dataSource, store, projection, alwaysLeader.forName('x'), { batchSize: 3 });
    // The batch rolls back whole; applied again event by event, the first commits and the second is named.
    await assert.rejects(processor.runOnce(), new RegExp(`seen-test cannot apply the event at position ${second!.globalPosition} .*crash`));
    assert.deepEqual(await loadCheckpoint(db.dataSource, 'seen-test'), {
      transactionId: first!.transactionId,
      globalPosition: first!.globalPosition,
    });
    assert.equal((await db.dataSource.query(`SELECT count(*)::int AS n FROM seen`))[0].n, 1);
    crashOn = undefined;
    await processor.catchUp();
    const total = await store.count();
    assert.equal((await db.dataSource.query(`SELECT count(*)::int AS n FROM seen`))[0].n, total);
  });

  describe('readers and transactions that commit out of position order', () => {
    it('never skips an event that commits late; a reader ordering by global_position alone does', async (t) => {
      if (db.embedded) return t.skip('needs a PostgreSQL server: PGlite is single-session');
      const slow = await connect(db.url);
      const fast = await connect(db.url);
      try {
        assert.ok(await store.waitUntilReadable());
        assert.ok(await store.waitUntilReadable());
        const start = await headCheckpoint(store);
        const startPosition = start.globalPosition;
        await slow.query('BEGIN');
        await new EventStore(rowsOf(slow)).append('late-1', 0, [{ type: 'Late', data: {} }], meta()); // lower position, commits last
        await new EventStore(rowsOf(fast)).append('early-1', 0, [{ type: 'Early', data: {} }], meta()); // higher position, commits first

        const naive = await naiveReadAfter(db.dataSource, startPosition);
        const correct = await store.readAllAfter(start, 100);
        assert.deepEqual(
          naive.map((e) => e.type),
          ['Early'],
          'the naive reader sees the later position first',
        );
        assert.deepEqual(
          correct.map((e) => e.type),
          [],
          'the commit-order reader waits for the open transaction',
        );

        await slow.query('COMMIT');
        assert.ok(await store.waitUntilReadable(), 'no other transaction on the server holds readers back for long');
        const naiveNext = await naiveReadAfter(db.dataSource, naive.at(-1)!.global_position);
        assert.deepEqual(naiveNext, [], 'the naive reader has skipped the late event for good');
        const all = await store.readAllAfter(start, 100);
        assert.deepEqual(
          all.map((e) => e.type),
          ['Late', 'Early'],
        );
      } finally {
        await slow.end();
        await fast.end();
      }
    });

    it('delivers every event exactly once to a reader polling during many concurrent writers', async (t) => {
      if (db.embedded) return t.skip('needs a PostgreSQL server: PGlite is single-session');
      assert.ok(await store.waitUntilReadable());
      const start = await headCheckpoint(store);
      const writers = await Promise.all(Array.from({ length: 6 }, () => connect(db.url)));
      const seen: string[] = [];
      let checkpoint: Checkpoint = start;
      let writing = true;
      const reader = (async () => {
        while (writing || (await store.readAllAfter(checkpoint, 1)).length > 0) {
          const batch = await store.readAllAfter(checkpoint, 50);
          // Only this test's streams: the snapshot xmin is cluster-wide, so a transaction in another
          // database can hold `start` back and let earlier tests' events arrive here too.
          for (const e of batch) if (e.streamId.startsWith('stress-')) seen.push(e.streamId);
          const last = batch.at(-1);
          if (last) checkpoint = last;
          else await new Promise((r) => setTimeout(r, 2));
        }
      })();
      const written: string[] = [];
      await Promise.all(
        writers.map(async (client, w) => {
          const writer = new EventStore(rowsOf(client));
          for (let i = 0; i < 40; i++) {
            const streamId = `stress-${w}-${i}`;
            await client.query('BEGIN');
            await writer.append(streamId, 0, [{ type: 'Stress', data: { w, i } }], meta());
            await new Promise((r) => setTimeout(r, Math.random() * 5)); // hold the transaction open a little
            await client.query('COMMIT');
            written.push(streamId);
          }
        }),
      );
      assert.ok(await store.waitUntilReadable(), 'no other transaction on the server holds readers back for long');
      writing = false;
      await reader;
      await Promise.all(writers.map((c) => c.end()));
      const dupes = seen.filter((s, i) => seen.indexOf(s) !== i);
      const extra = seen.filter((s) => !written.includes(s));
      assert.equal(seen.length, written.length, `no event skipped or repeated: dupes ${dupes} extra ${extra}`);
      assert.deepEqual([...seen].sort(), [...written].sort());
    });
  });
});

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The event store speaks TypeORM's `query` (rows back); a raw pg client returns a result object. */
function rowsOf(client: Client): SqlExecutor {
  return { query: async (sql, params) => (await client.query(sql, params as unknown[])).rows };
}

async function headCheckpoint(store: EventStore): Promise<Checkpoint> {
  let checkpoint: Checkpoint = START;
  for (let batch = await store.readAllAfter(checkpoint, 1000); batch.length > 0; batch = await store.readAllAfter(checkpoint, 1000)) {
    checkpoint = batch.at(-1)!;
  }
  return checkpoint;
}

/** What a reader that trusts global_position order would do. */
async function naiveReadAfter(db: SqlExecutor, position: string): Promise<{ global_position: string; type: string }[]> {
  return db.query(`SELECT global_position::text, type FROM events WHERE global_position > $1 ORDER BY global_position`, [position]);
}
