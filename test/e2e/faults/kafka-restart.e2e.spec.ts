import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FaultRig } from './support/fault-rig';
import { assertInvariants } from './support/invariants';
import { PrivateKafka } from './support/private-kafka';

const WAREHOUSES = 200;

/**
 * The Kafka broker stopped and started again (on its data) while the sink writes to Kingdee. A broker
 * of the test's own on other ports (FAULT_KAFKA_PORT, default 19092): the shared one is never touched.
 */
describe('faults: Kafka broker restarted mid-sink', { timeout: 600_000 }, () => {
  const kafka = new PrivateKafka();
  let rig: FaultRig;
  before(async () => {
    await kafka.start();
    rig = await FaultRig.start({ label: 'kafka_restart', warehouses: WAREHOUSES, brokers: kafka.brokers });
  });
  after(async () => {
    await rig?.close();
    await kafka.stop();
  });

  it('resumes sinking after the broker is back and loses nothing', async (t) => {
    await rig.guard(async () => {
      const started = Date.now();
      const { kingdee } = rig.sims;
      const written = () => kingdee.admin.stocks().length;
      kingdee.admin.slowResponses(400);
      const hub = await rig.startHub();
      const run = await rig.api().sync();
      assert.equal(run.status, 'succeeded', run.error);
      await rig.waitForKingdee(rig.random.int(20, 60), 'the sink under way');

      await kafka.stop();
      const atStop = written();
      t.diagnostic(`broker stopped at ${atStop}/${WAREHOUSES} records`);
      assert.ok(atStop < WAREHOUSES, `the sink had finished (${atStop}) before the broker stopped: nothing was tested`);
      // While the broker is down the sink finishes the batch in hand, then cannot fetch more.
      await kafka.startKeepingData();
      kingdee.admin.slowResponses(0);
      t.diagnostic(`broker back after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      assert.equal(hub.process.exitCode, null, `the hub exited (${hub.process.exitCode}) during the broker restart`);

      await assertInvariants(rig);
      t.diagnostic(`scenario took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });
});
