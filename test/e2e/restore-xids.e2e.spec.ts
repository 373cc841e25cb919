import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { restoredXidsProblem } from '../../src/event-store/xid-horizon';
import { runCli } from '../../src/cli';
import { startHub } from '../../src/hub';
import { createLogger } from '../../src/platform/logging/logger';
import { generatedWarehouses } from '../../src/warehouses/testing/generated-warehouses';
import { createWarehousesTestKit, syncContext, WarehousesTestKit } from '../../src/warehouses/testing/test-kit';

/** Runs `mdm …` in this process with the given environment; returns its stdout (throws its one-line error). */
async function mdm(env: Record<string, string>, ...argv: string[]): Promise<string> {
  const saved = { ...process.env };
  const write = process.stdout.write.bind(process.stdout);
  const out: string[] = [];
  Object.assign(process.env, env);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' ? (out.push(chunk), true) : write(chunk as Uint8Array, ...(rest as []))) as typeof process.stdout.write;
  try {
    assert.equal(await runCli(argv), 0);
    return out.join('');
  } finally {
    process.stdout.write = write;
    process.env = saved;
  }
}

const commitOrder = `SELECT global_position::text AS p, transaction_id::text AS t FROM events ORDER BY transaction_id, global_position`;
const checkpoints = `SELECT name, global_position::text AS p FROM processor_checkpoints ORDER BY name`;

describe(
  'restore into another cluster: the hub refuses to start until `mdm admin rebase-xids`, then reads new events',
  { timeout: 120_000 },
  () => {
    let kit: WarehousesTestKit;
    before(async () => {
      kit = await createWarehousesTestKit('restore_xids');
    });
    after(async () => kit?.close());

    it('detects ids above the server counter, rebases them in order, and processors read new events again', async (t) => {
      if (kit.db.embedded) return t.skip('needs a PostgreSQL server');
      const { dataSource: db } = kit.db;
      const { observationRecorder } = kit.warehouses;
      await observationRecorder.recordObservations(generatedWarehouses(3, 'A'), syncContext('run-1'));
      await observationRecorder.recordObservations(generatedWarehouses(2, 'B'), syncContext('run-2', 1));
      await kit.catchUp();
      assert.equal(await restoredXidsProblem(db), null);

      // What a restore into a younger cluster looks like: every stored id far above the server's counter.
      await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL mdm.maintenance = 'rebase-xids'`);
        await tx.query(`UPDATE events SET transaction_id = (transaction_id::text::bigint + 2^40::bigint)::text::xid8`);
        await tx.query(`UPDATE processor_checkpoints SET transaction_id = (transaction_id::text::bigint + 2^40::bigint)::text::xid8
                       WHERE transaction_id <> '0'::xid8`);
      });
      await assert.rejects(db.query(`UPDATE events SET type = 'X'`), /events are append-only/, 'only the maintenance path may update');
      const orderBefore = await db.query(commitOrder);
      const checkpointsBefore = await db.query(checkpoints);
      assert.match(
        (await restoredXidsProblem(db)) ?? '',
        /at or above this PostgreSQL server's next transaction id .*mdm admin rebase-xids/,
      );

      const env = {
        DATABASE_URL: kit.db.url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        WDT_POLL_INTERVAL: '0',
        MDM_API_KEYS: 'ops:admin:restore-test-key-0001',
      };
      await assert.rejects(
        startHub(loadConfig(env), { runWorkers: false, logger: createLogger({ level: 'silent', secrets: [] }) }),
        /mdm admin rebase-xids/,
      );

      const out = await mdm({ ...env, PORT: '1' }, 'admin', 'rebase-xids');
      const [, transactions, below] = /^rebased (\d+) transaction id\(s\) below (\d+)/.exec(out) ?? [];
      const result = { transactions: Number(transactions), below: below! };
      assert.match(out, /public\.events\.transaction_id: \d+ row\(s\)/);
      assert.match(await mdm({ ...env, PORT: '1' }, 'admin', 'rebase-xids'), /nothing to do/);
      assert.equal(result.transactions, new Set(orderBefore.map((r: { t: string }) => r.t)).size, 'distinct transactions stay distinct');
      assert.equal(await restoredXidsProblem(db), null);
      const orderAfter = await db.query(commitOrder);
      assert.deepEqual(
        orderAfter.map((r: { p: string }) => r.p),
        orderBefore.map((r: { p: string }) => r.p),
        'commit order kept',
      );
      assert.ok(orderAfter.every((r: { t: string }) => BigInt(r.t) < BigInt(result.below)));
      assert.deepEqual(await db.query(checkpoints), checkpointsBefore, 'checkpoints still at the head');

      await observationRecorder.recordObservations(generatedWarehouses(4, 'C'), syncContext('run-3', 2));
      await kit.catchUp();
      assert.equal(
        (await db.query(`SELECT count(*)::int AS n FROM golden_warehouses`))[0].n,
        9,
        'the new warehouses reached the read model',
      );
      const hub = await startHub(loadConfig(env), { runWorkers: false, logger: createLogger({ level: 'silent', secrets: [] }) });
      await hub.stop();
    });
  },
);
