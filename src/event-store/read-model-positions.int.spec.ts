import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { saveCheckpoint } from './processor';
import { headPosition, processorsBehind } from './read-model-positions';

const INSERT = `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, occurred_at)
  VALUES (gen_random_uuid(), $1, 1, 'T', '{}', '{}', now()) RETURNING global_position::text AS p, transaction_id::text AS x`;

describe('read-model positions: "reached N" in commit order (PostgreSQL)', () => {
  let db: TestDatabase;
  const clients: Client[] = [];
  before(async () => {
    db = await createTestDatabase('read_positions');
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await db.close();
  });

  it('a checkpoint past position N in number but before it in commit order has not reached N', async (t) => {
    if (db.embedded) return t.skip('needs two sessions (PGlite has one)');
    const [first, second] = [new Client({ connectionString: db.url }), new Client({ connectionString: db.url })];
    clients.push(first, second);
    await Promise.all([first.connect(), second.connect()]);
    // first takes the older xid but appends last: its event gets the higher position and sorts first.
    await first.query('BEGIN');
    await first.query('SELECT pg_current_xact_id()');
    await second.query('BEGIN');
    const {
      rows: [early],
    } = await second.query(INSERT, ['s-early']);
    await second.query('COMMIT');
    const {
      rows: [late],
    } = await first.query(INSERT, ['s-late']);
    await first.query('COMMIT');
    assert.ok(BigInt(late.p) > BigInt(early.p) && BigInt(late.x) < BigInt(early.x));

    // A processor that applied only the older transaction: its position (late.p) is above early.p.
    await saveCheckpoint(db.dataSource, 'read-a', { transactionId: late.x, globalPosition: late.p });
    await saveCheckpoint(db.dataSource, 'read-b', { transactionId: early.x, globalPosition: early.p });
    assert.deepEqual(await processorsBehind(db.dataSource, ['read-a', 'read-b'], early.p), ['read-a']);
    assert.deepEqual(await processorsBehind(db.dataSource, ['read-a', 'read-b'], late.p), []);
    assert.deepEqual(await processorsBehind(db.dataSource, ['read-a', 'never-ran'], late.p), ['never-ran']);
  });

  it('a position beyond the head is not reached; a gap (rolled back) is once everything below it is applied', async () => {
    const { p: head } = (await db.dataSource.query(INSERT, ['s-head']))[0];
    const [{ x }] = await db.dataSource.query(`SELECT transaction_id::text AS x FROM events WHERE global_position = $1`, [head]);
    await db.dataSource.query(`SELECT nextval(pg_get_serial_sequence('events', 'global_position'))`); // a rolled-back append's number
    const after = (await db.dataSource.query(INSERT, ['s-after']))[0];
    const gap = String(BigInt(head) + 1n);
    assert.equal(await headPosition(db.dataSource), after.p);
    await saveCheckpoint(db.dataSource, 'read-c', { transactionId: x, globalPosition: head });
    assert.deepEqual(await processorsBehind(db.dataSource, ['read-c'], head), []);
    assert.deepEqual(await processorsBehind(db.dataSource, ['read-c'], gap), [], 'nothing committed at or below the gap is unapplied');
    assert.deepEqual(await processorsBehind(db.dataSource, ['read-c'], after.p), ['read-c']);
    assert.deepEqual(await processorsBehind(db.dataSource, ['read-c'], String(BigInt(after.p) + 100n)), ['read-c']);
  });
});
