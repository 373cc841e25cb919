import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../../support/wait-for';
import { ChildHub } from '../support/child-hub';
import { FaultRig } from './support/fault-rig';
import { assertInvariants } from './support/invariants';
import { KingdeeGate } from './support/kingdee-gate';

const WAREHOUSES = 240;

/**
 * A rolling deploy on one PostgreSQL + Kafka: a second hub joins the sink group while the first is
 * writing to Kingdee, the first is SIGKILLed in the middle of a batch, a third starts and the second
 * is stopped. Every warehouse must still reach Kingdee exactly once, and later edits too.
 */
describe('faults: rolling deploy (two hubs, one SIGKILLed mid-batch, a third replaces the second)', { timeout: 600_000 }, () => {
  let rig: FaultRig;
  const gates: KingdeeGate[] = [];
  before(async () => {
    rig = await FaultRig.start({ label: 'rolling', warehouses: WAREHOUSES });
  });
  after(async () => {
    await rig?.close();
    await Promise.all(gates.map((g) => g.stop()));
  });

  /** Each hub reaches Kingdee through its own gate, so the test sees which hubs are writing. */
  const startHub = async (): Promise<{ hub: ChildHub; saves: () => number }> => {
    const gate = await KingdeeGate.start(rig.sims.kingdee.origin);
    gates.push(gate);
    return { hub: await rig.startHub({ KINGDEE_BASE_URL: gate.url }), saves: () => gate.count('BatchSave') };
  };
  /** After a member joins, both it and the member already there must write (each owns partitions with work left). */
  const bothWrite = async (older: { saves: () => number }, newer: { saves: () => number }, label: string) => {
    const from = older.saves();
    await waitFor(
      () => older.saves() > from && newer.saves() > 0,
      `${label}: both hubs to write to Kingdee after the join`,
      60_000,
      100,
    ).catch((error: Error) => {
      throw new Error(`${error.message} (BatchSaves since the join: older hub ${older.saves() - from}, newer hub ${newer.saves()})`);
    });
  };

  it('delivers every warehouse once, mapped and current, through the whole deploy', async (t) => {
    await rig.guard(async () => {
      const started = Date.now();
      const { kingdee } = rig.sims;
      const written = () => kingdee.admin.stocks().length;
      // Slow enough that the sink is still busy through each hub's start-up (3-10 s here): with batched look-ups and
      // two writes in flight, 240 records at ~600 ms a call took one hub ~7 s, done before a second could join.
      kingdee.admin.slowResponses(rig.random.int(1500, 2000));
      const first = await startHub();
      const run = await rig.api().sync();
      assert.equal(run.status, 'succeeded', run.error);
      await rig.waitForKingdee(20, 'the first hub to write 20 records');

      const second = await startHub();
      const atJoin = written();
      assert.ok(atJoin < WAREHOUSES, `the first hub had finished (${atJoin} records) before the second joined: nothing was tested`);
      await bothWrite(first, second, 'second hub joined');

      // SIGKILL while a Kingdee call is in flight: the calls take 1.5-2 s, so any moment is mid-batch.
      await waitFor(() => kingdee.admin.callCounts().BatchSave ?? 0, 'a BatchSave', 30_000, 20);
      await rig.kill(first.hub);
      const atKill = written();
      t.diagnostic(`first hub SIGKILLed at ${atKill}/${WAREHOUSES} records`);
      assert.ok(atKill < WAREHOUSES, `everything was written before the SIGKILL (${atKill}): nothing was tested`);

      const third = await startHub();
      if (written() < WAREHOUSES - 40) await bothWrite(second, third, 'third hub joined');
      await rig.stop(second.hub);
      kingdee.admin.slowResponses(0);
      t.diagnostic(`third hub alone from ${written()}/${WAREHOUSES} records (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      assert.equal(rig.liveHubs().length, 1);
      assert.equal(rig.liveHubs()[0], third.hub);

      await assertInvariants(rig);
      t.diagnostic(`scenario took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });
});
