import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { alwaysLeader } from '../event-store/leader-lock';
import { CheckpointedProcessor, loadCheckpoint } from '../event-store/processor';
import { LogMessage, MessageLog } from '../log/message-log.port';
import { warehouseGoldenFold } from '../warehouses/golden-record-fold';
import { generatedWarehouses } from '../warehouses/testing/generated-warehouses';
import { createWarehousesTestKit, syncContext, WarehousesTestKit } from '../warehouses/testing/test-kit';
import { waitFor } from '../../test/support/wait-for';
import { GoldenRecordPublisher } from './golden-record-publisher';

/** A Kafka log whose broker does not answer: publish hangs until the test releases it. */
function unreachableKafka() {
  const published: LogMessage[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const log = {
    kind: 'kafka',
    async publish(_topic: string, messages: readonly LogMessage[]) {
      published.push(...messages);
      await gate;
    },
  } as unknown as MessageLog;
  return { log, published, release: () => release() };
}

describe('the publisher waiting on Kafka holds back no reader (no transaction with an xid open)', { timeout: 90_000 }, () => {
  let kit: WarehousesTestKit;
  before(async () => {
    kit = await createWarehousesTestKit('publisher_no_xid');
  });
  after(async () => kit?.close());

  it('another processor advances over newly appended events while the publish hangs', async (t) => {
    if (kit.db.embedded) return t.skip('needs a PostgreSQL server: PGlite is single-session');
    const kafka = unreachableKafka();
    const publisher = new CheckpointedProcessor(
      kit.db.dataSource,
      kit.store,
      new GoldenRecordPublisher(kit.store, kafka.log, warehouseGoldenFold, 'golden'),
      alwaysLeader.forName('publisher'),
    );
    const { observationRecorder } = kit.warehouses;
    await observationRecorder.recordObservations(generatedWarehouses(3, 'A'), syncContext('run-1'));
    await kit.store.waitUntilReadable();
    const publishing = publisher.runOnce();
    await waitFor(() => kafka.published.length > 0, 'the publisher to reach Kafka');

    const holding = await kit.db.dataSource.query(
      `SELECT pid, application_name, state, backend_xid::text FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL`,
    );
    assert.deepEqual(holding, [], 'no session of this database holds an xid while the publish hangs');

    await observationRecorder.recordObservations(generatedWarehouses(2, 'B'), syncContext('run-2', 1));
    // Readers only take transactions below the server-wide horizon: with an xid held by the publisher
    // this would wait until the publish returned (and time out here).
    await kit.catchUp();
    const golden = await kit.db.dataSource.query(`SELECT count(*)::int AS n FROM golden_warehouses`);
    assert.equal(golden[0].n, 5, 'the read model has the warehouses appended after the publish started');

    assert.equal(
      (await loadCheckpoint(kit.db.dataSource, 'publisher.golden.v1')).globalPosition,
      '0',
      'no checkpoint before Kafka acknowledged',
    );
    kafka.release();
    const passed = await publishing;
    assert.ok(passed > 0);
    assert.notEqual(
      (await loadCheckpoint(kit.db.dataSource, 'publisher.golden.v1')).globalPosition,
      '0',
      'checkpoint saved after the acknowledgement',
    );
    assert.deepEqual(new Set(kafka.published.map((m) => m.key)).size, 3);
  });
});
