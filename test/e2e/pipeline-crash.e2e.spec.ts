import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { ChildHub, spawnHub } from './support/child-hub';
import { assertMappedStocks, HubApi, hubEnv, kafkaEnv, startSimulators, Simulators } from './support/pipeline-harness';

const WAREHOUSES = 1000;

/**
 * Issue 5, exactly-once in effect: a hub (`node dist/src/main.js`, PostgreSQL + Kafka) is killed
 * with SIGKILL while it sinks, right after Kingdee saved a batch whose answer never arrived; a new
 * hub takes over and Kingdee loses every session half-way through. The outcome must be exactly
 * 1,000 BD_STOCK records, each created once, each cross-referenced to its golden record.
 */
describe('pipeline: SIGKILL mid-sink and a Kingdee session loss (child-process hub, PostgreSQL + Kafka)', { timeout: 900_000 }, () => {
  let db: TestDatabase;
  let sims: Simulators;
  let env: Record<string, string>;
  let hub: ChildHub | undefined;
  const stocks = () => sims.kingdee.admin.stocks();
  const recorded = async (): Promise<number> =>
    (await db.dataSource.query(`SELECT count(DISTINCT stream_id)::int AS n FROM events WHERE type = 'KingdeeSyncSucceeded'`))[0].n;

  before(async () => {
    db = await createTestDatabase('pipeline_crash');
    sims = await startSimulators(WAREHOUSES);
    env = hubEnv(sims, { DATABASE_URL: db.url, ...kafkaEnv('crash'), LOG_LEVEL: 'info' });
  });
  after(async () => {
    await hub?.kill();
    await sims?.stop();
    await db?.close();
  });

  it('killed after a lost BatchSave answer and restarted, with a session loss: exactly 1,000 records, none twice', async (t) => {
    const started = Date.now();
    // Slow Kingdee: the sink is still busy when the WDT sync has finished.
    sims.kingdee.admin.slowResponses(300);
    hub = await spawnHub(env);
    const run = await new HubApi(hub.url).sync();
    assert.equal(run.status, 'succeeded', run.error);
    await waitFor(() => stocks().length >= 200, '200 records in Kingdee', 180_000, 100);
    sims.kingdee.admin.loseAnswerNext(1, 'BatchSave');
    await waitFor(() => sims.kingdee.admin.faults().loseAnswerNext === 0, 'a BatchSave that ran but whose answer was lost', 60_000, 20);
    await hub.kill();
    const atKill = stocks().length;
    const recordedAtKill = await recorded();
    t.diagnostic(
      `killed at ${atKill} records in Kingdee, ${recordedAtKill} recorded by the hub (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    assert.ok(atKill < WAREHOUSES, 'killed in the middle of sinking');
    assert.ok(atKill > recordedAtKill, 'Kingdee holds records the hub never heard about');

    sims.kingdee.admin.slowResponses(100);
    hub = await spawnHub(env);
    const api = new HubApi(hub.url);
    await waitFor(async () => (await recorded()) >= recordedAtKill + 100, 'the new hub to sink 100 more', 180_000, 100);
    const logins = () => sims.kingdee.admin.callCounts().ValidateUser ?? 0;
    const loginsBefore = logins();
    sims.kingdee.admin.expireSessions();
    await waitFor(async () => (await api.countWarehouses('synced')) === WAREHOUSES, `all ${WAREHOUSES} synced`, 300_000, 250);
    t.diagnostic(
      `restarted hub finished; ${logins() - loginsBefore} re-login(s) after the session loss (${((Date.now() - started) / 1000).toFixed(1)} s in all)`,
    );
    assert.ok(logins() > loginsBefore, 'the session loss happened while the new hub was still writing');
    // The wait above watched the sync status; the xref and the tasks asserted below are other read
    // models, each at its own pace (this once failed as xref 989 ≠ 1000): wait for all of them.
    await api.readModelsAtHead();

    const final = stocks();
    assertMappedStocks(final, sims.wdt.admin.listWarehouses());
    assert.equal(
      Math.max(...final.map((s) => s.FStockId)),
      100_000 + WAREHOUSES,
      'every record was created exactly once (ids are sequential)',
    );
    const xref: { source_key: string; external_id: string }[] = await db.dataSource.query(
      `SELECT source_key, external_id FROM warehouse_xref WHERE system = 'kingdee' AND active`,
    );
    assert.equal(xref.length, WAREHOUSES);
    const ids = new Map(final.map((s) => [s.FNumber, String(s.FStockId)]));
    for (const row of xref) assert.equal(row.external_id, ids.get(row.source_key), `cross-reference of ${row.source_key}`);
    assert.deepEqual(await api.syncFailureTasks('open'), []);
    await hub.stop();
    hub = undefined;
  });
});
