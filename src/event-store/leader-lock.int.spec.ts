import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startLateCloseProxy, LateCloseProxy } from '../../test/support/late-close-proxy';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { waitFor } from '../../test/support/wait-for';
import { AdvisoryLeaderLocks } from './leader-lock';

describe('AdvisoryLeaderLocks (PostgreSQL session advisory lock)', { skip: !process.env.TEST_DATABASE_URL }, () => {
  let db: TestDatabase;
  let proxy: LateCloseProxy;
  before(async () => {
    db = await createTestDatabase('leader_lock');
    proxy = await startLateCloseProxy(db.url);
  });
  after(async () => {
    await proxy?.close();
    await db?.close();
  });

  /** Backends of this database holding an advisory lock. */
  const holders = async (): Promise<number[]> =>
    (
      await db.dataSource.query(
        `SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()`,
      )
    ).map((r: { pid: number }) => r.pid);
  const lockConnections = async (): Promise<number[]> =>
    (
      await db.dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'mdm-hub-leader-lock' AND datname = current_database()`,
      )
    ).map((r: { pid: number }) => r.pid);

  it('keeps the lock it took again on a new connection when the lost one reports its end late', async () => {
    const lock = new AdvisoryLeaderLocks(proxy.url).forName('processor:late-end');
    assert.equal(await lock.tryAcquire(), true);
    const [first] = await holders();
    assert.ok(first, 'the lock is held by a backend');
    await db.dataSource.query(`SELECT pg_terminate_backend($1, 5000)`, [first]);

    // The FATAL has reached the lock's connection, its close has not (the proxy holds it back).
    const second = await waitFor(
      async () => (await lock.tryAcquire()) && (await holders()).find((pid) => pid !== first),
      'the lock taken again on a new connection',
      10_000,
    );
    assert.equal(await proxy.deliverCloses(), 1, "the dead connection's close, held back until now");
    await db.dataSource.query('SELECT 1');

    assert.equal(await lock.tryAcquire(), true, 'the lock is still held after the dead connection reported its end');
    assert.deepEqual(await holders(), [second]);
    assert.deepEqual(await lockConnections(), [second], 'one lock connection, none leaked');

    await lock.release();
    await waitFor(async () => (await lockConnections()).length === 0 && (await holders()).length === 0, 'no lock connection left', 10_000);
  });
});
