import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../../support/wait-for';
import { FaultRig } from './support/fault-rig';
import { assertInvariants } from './support/invariants';

const WAREHOUSES = 200;

/**
 * Every PostgreSQL connection of the hub terminated (`pg_terminate_backend`), once in the middle of a
 * WDT sync and once in the middle of the sink: the hub stays up, reconnects, and an operator's next
 * sync finishes the job.
 */
describe('faults: all PostgreSQL connections terminated mid-sync', { timeout: 600_000 }, () => {
  let rig: FaultRig;
  before(async () => {
    rig = await FaultRig.start({ label: 'pg_terminate', warehouses: WAREHOUSES });
  });
  after(() => rig?.close());

  it('survives losing every connection twice and still delivers everything', async (t) => {
    await rig.guard(async () => {
      const started = Date.now();
      const { wdt, kingdee } = rig.sims;
      wdt.admin.slowPages(300);
      kingdee.admin.slowResponses(300);
      const hub = await rig.startHub();
      const begun = await rig.requestSync();
      assert.equal(begun.status, 202, JSON.stringify(begun.body));
      const pages = rig.random.int(1, 3);
      await waitFor(() => wdt.admin.calls().length >= pages, `${pages} WDT page(s) pulled`, 60_000, 20);
      const duringSync = await rig.terminateBackends();
      t.diagnostic(`terminated ${duringSync} backend(s) during the WDT sync`);
      assert.ok(duringSync > 0, 'the hub held no PostgreSQL connection to terminate');

      const api = rig.api();
      const first = await waitFor(
        async () => {
          const r = await api.call('GET', `/sync/wdt/runs/${begun.body.runId}`);
          return r.status !== 'running' && r;
        },
        'the interrupted sync run to end (succeeded or failed, not left running)',
        120_000,
        250,
      );
      t.diagnostic(`interrupted run ended ${first.status}${first.error ? `: ${first.error}` : ''}`);
      wdt.admin.slowPages(0);
      if (first.status !== 'succeeded') {
        const again = await api.sync();
        assert.equal(again.status, 'succeeded', `the sync after the connection loss: ${again.error}`);
      }

      await rig.waitForKingdee(20, '20 records in Kingdee');
      const duringSink = await rig.terminateBackends();
      t.diagnostic(`terminated ${duringSink} backend(s) during the sink at ${kingdee.admin.stocks().length}/${WAREHOUSES}`);
      kingdee.admin.slowResponses(0);
      assert.equal(hub.process.exitCode, null, `the hub exited (${hub.process.exitCode}) after losing its connections`);
      assert.equal(hub.process.signalCode, null, `the hub died (${hub.process.signalCode}) after losing its connections`);

      await assertInvariants(rig);
      t.diagnostic(`scenario took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });
});
