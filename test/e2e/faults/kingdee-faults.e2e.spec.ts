import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../../support/wait-for';
import { FaultRig } from './support/fault-rig';
import { assertInvariants } from './support/invariants';
import { KingdeeGate } from './support/kingdee-gate';

const WAREHOUSES = 200;
/** Longer than the rig's KAFKA_REBALANCE_TIMEOUT (12 s), session timeout (10 s) and KINGDEE_TIMEOUT (8 s). */
const SLOW_BATCH_MS = 16_000;

/**
 * Kingdee misbehaving under two hubs: bursts of 5xx answers and a session loss while the first load
 * sinks, then one BatchSave (of an edited record) slower than the group's rebalance timeout while a
 * newer edit of the same record follows. Kingdee must end with the newest version, not the stale one.
 */
describe('faults: Kingdee 5xx bursts, session loss, one batch slower than the rebalance timeout', { timeout: 600_000 }, () => {
  let rig: FaultRig;
  let gate: KingdeeGate;
  before(async () => {
    rig = await FaultRig.start({ label: 'kingdee', warehouses: WAREHOUSES });
    gate = await KingdeeGate.start(rig.sims.kingdee.origin);
  });
  after(async () => {
    await rig?.close();
    await gate?.stop();
  });

  it('keeps Kingdee complete and current through every Kingdee fault', async (t) => {
    await rig.guard(async () => {
      const started = Date.now();
      const { kingdee, wdt } = rig.sims;
      const written = () => kingdee.admin.stocks().length;
      const viaGate = { KINGDEE_BASE_URL: gate.url };
      kingdee.admin.slowResponses(300);
      await rig.startHub(viaGate);
      await rig.startHub(viaGate);
      const run = await rig.api().sync();
      assert.equal(run.status, 'succeeded', run.error);

      // The session loss early in the load, then the 5xx bursts spread over the rest of it.
      const logins = () => kingdee.admin.callCounts().ValidateUser ?? 0;
      await rig.waitForKingdee(WAREHOUSES / 5, 'the sink a fifth through the first load');
      const loginsBefore = logins();
      assert.ok(written() < WAREHOUSES, `the first load finished (${written()}) before the session loss: nothing was tested`);
      kingdee.admin.expireSessions();
      const bursts = rig.random.int(2, 4);
      for (let i = 1; i <= bursts; i++) {
        await rig.waitForKingdee(WAREHOUSES / 5 + (i * WAREHOUSES) / (2 * bursts), `the sink past burst point ${i}`);
        kingdee.admin.failNext(rig.random.int(2, 5), rig.random.pick([500, 502, 503]));
      }
      kingdee.admin.slowResponses(0);
      await waitFor(
        async () => written() === WAREHOUSES && (await rig.api().countWarehouses('synced')) === WAREHOUSES,
        `all ${WAREHOUSES} records in Kingdee and shown as synced after ${bursts} 5xx burst(s) and a session loss`,
        180_000,
        250,
      );
      assert.ok(logins() > loginsBefore, 'the hubs logged in again after the session loss');
      t.diagnostic(`first load done through ${bursts} 5xx burst(s) and a session loss (${((Date.now() - started) / 1000).toFixed(1)} s)`);

      // One slow batch carrying version 2 of a record; version 3 follows while it is held.
      const target = rig.random.pick(wdt.admin.listWarehouses());
      wdt.admin.editWarehouse(target.warehouse_no, { name: `${target.name}第二版` });
      const held = gate.holdNext(/BatchSave/i, SLOW_BATCH_MS);
      const second = await rig.api().sync();
      assert.equal(second.changed, 1, second.error);
      await Promise.race([
        held,
        new Promise((_, reject) => setTimeout(() => reject(new Error('no BatchSave reached the gate within 60 s')), 60_000).unref()),
      ]);
      const newest = `${target.name}第三版`;
      wdt.admin.editWarehouse(target.warehouse_no, { name: newest });
      const third = await rig.api().sync();
      assert.equal(third.changed, 1, third.error);
      await waitFor(() => gate.pending() === 0, 'the held BatchSave to be carried out or dropped', SLOW_BATCH_MS + 60_000, 100);
      t.diagnostic(
        `slow batch released; ${target.warehouse_no} is "${String(kingdee.admin.stock(target.warehouse_no)?.FName)}" in Kingdee`,
      );

      await assertInvariants(rig);
      t.diagnostic(`scenario took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });
});
