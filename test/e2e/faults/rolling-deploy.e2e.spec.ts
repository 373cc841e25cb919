import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../../support/wait-for';
import { FaultRig } from './support/fault-rig';
import { assertInvariants } from './support/invariants';

const WAREHOUSES = 240;

/**
 * A rolling deploy on one PostgreSQL + Kafka: a second hub joins the sink group while the first is
 * writing to Kingdee, the first is SIGKILLed in the middle of a batch, a third starts and the second
 * is stopped. Every warehouse must still reach Kingdee exactly once, and later edits too.
 */
describe('faults: rolling deploy (two hubs, one SIGKILLed mid-batch, a third replaces the second)', { timeout: 600_000 }, () => {
  let rig: FaultRig;
  before(async () => {
    rig = await FaultRig.start({ label: 'rolling', warehouses: WAREHOUSES });
  });
  after(() => rig?.close());

  it('delivers every warehouse once, mapped and current, through the whole deploy', async (t) => {
    await rig.guard(async () => {
      const started = Date.now();
      const { kingdee } = rig.sims;
      const written = () => kingdee.admin.stocks().length;
      // Slow enough that the sink is still busy through each hub's start-up.
      kingdee.admin.slowResponses(rig.random.int(500, 700));
      const first = await rig.startHub();
      const run = await rig.api().sync();
      assert.equal(run.status, 'succeeded', run.error);
      await waitFor(() => written() >= 20, 'the first hub to write 20 records', 120_000, 100);

      const second = await rig.startHub();
      const atJoin = written();
      assert.ok(atJoin < WAREHOUSES, `the first hub had finished (${atJoin} records) before the second joined: nothing was tested`);
      await waitFor(() => written() >= atJoin + 20, 'the sink to keep writing after the second hub joined', 120_000, 100);

      // SIGKILL while a Kingdee call is in flight: the calls take ~600 ms, so any moment is mid-batch.
      await waitFor(() => kingdee.admin.callCounts().BatchSave ?? 0, 'a BatchSave', 30_000, 20);
      await rig.kill(first);
      const atKill = written();
      t.diagnostic(`first hub SIGKILLed at ${atKill}/${WAREHOUSES} records`);
      assert.ok(atKill < WAREHOUSES, `everything was written before the SIGKILL (${atKill}): nothing was tested`);

      const third = await rig.startHub();
      await waitFor(() => written() >= Math.min(WAREHOUSES, atKill + 20), 'the survivors to keep writing after the SIGKILL', 120_000, 100);
      await rig.stop(second);
      kingdee.admin.slowResponses(0);
      t.diagnostic(`third hub alone from ${written()}/${WAREHOUSES} records (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      assert.equal(rig.liveHubs().length, 1);
      assert.equal(rig.liveHubs()[0], third);

      await assertInvariants(rig);
      t.diagnostic(`scenario took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });
});
