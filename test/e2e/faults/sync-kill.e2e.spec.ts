import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../../support/wait-for';
import { FaultRig } from './support/fault-rig';
import { assertInvariants } from './support/invariants';

const WAREHOUSES = 200;
/** "Within seconds": the dead run's lease must be gone this soon after the new hub listens. */
const ACCEPT_WITHIN_MS = 15_000;

/**
 * A hub SIGKILLed in the middle of a WDT sync: after a restart the next sync is accepted within
 * seconds (202, not 409 "already running" for a run whose process is dead), and the dead run is
 * closed with a reason instead of showing as running.
 */
describe('faults: SIGKILL during a WDT sync, restart, next sync accepted', { timeout: 600_000 }, () => {
  let rig: FaultRig;
  before(async () => {
    rig = await FaultRig.start({ label: 'sync_kill', warehouses: WAREHOUSES });
  });
  after(() => rig?.close());

  it('accepts the next sync within seconds of the restart and finishes it', async (t) => {
    await rig.guard(async () => {
      const started = Date.now();
      const { wdt } = rig.sims;
      wdt.admin.slowPages(400);
      const first = await rig.startHub();
      const begun = await rig.requestSync();
      assert.equal(begun.status, 202, JSON.stringify(begun.body));
      const deadRun: string = begun.body.runId;
      const pages = rig.random.int(1, 3);
      await waitFor(() => wdt.admin.calls().length >= pages, `${pages} WDT page(s) pulled`, 60_000, 20);
      await rig.kill(first);
      wdt.admin.slowPages(0);

      const second = await rig.startHub();
      const listening = Date.now();
      let lastRefusal = '';
      const accepted = await waitFor(
        async () => {
          const answer = await rig.requestSync();
          if (answer.status !== 202) lastRefusal = `${answer.status} ${JSON.stringify(answer.body)}`;
          return answer.status === 202 && answer.body;
        },
        `POST /api/v1/sync/wdt to answer 202 after the restart`,
        ACCEPT_WITHIN_MS,
        500,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; last answer ${lastRefusal}`);
      });
      t.diagnostic(`next sync accepted ${Date.now() - listening} ms after the new hub listened (${second.url})`);

      const api = rig.api();
      const run = await waitFor(
        async () => {
          const r = await api.call('GET', `/sync/wdt/runs/${accepted.runId}`);
          return r.status !== 'running' && r;
        },
        'the new sync run to finish',
        120_000,
        250,
      );
      assert.equal(run.status, 'succeeded', run.error);
      const dead = await api.call('GET', `/sync/wdt/runs/${deadRun}`);
      assert.notEqual(dead.status, 'running', `the killed hub's run ${deadRun} still shows as running`);
      assert.ok(dead.error, `the killed hub's run ${deadRun} was closed (${dead.status}) without a reason`);

      await assertInvariants(rig);
      t.diagnostic(`scenario took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });
});
