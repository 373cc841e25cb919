import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../../src/config/config';
import { KafkaMessageLog } from '../../src/log/kafka-message-log';
import type { LogMessage } from '../../src/log/message-log.port';
import { logMessagesFor, toLogMessage } from '../../src/publishing/golden-record-publisher';
import { sampleGoldenMessage } from '../../src/schemes/golden-message.fixture';
import { testKafkaBrokers, uniqueName } from '../support/kafka';
import { waitFor } from '../support/wait-for';

// The example is plain CommonJS for its readers; it is loaded from the repository, not from dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const example = require(path.join(projectRoot(), 'examples', 'downstream-consumer')) as {
  WarehouseTable: new () => any;
  startWarehouseConsumer(options: Record<string, unknown>): Promise<{ table: any; stop(): Promise<void> }>;
};

const golden = (id: string, version: number, name: string, change: 'created' | 'updated' | 'retired' = 'updated') => ({
  ...sampleGoldenMessage({
    goldenId: id,
    version,
    record: { warehouseNo: id.toUpperCase(), name, status: change === 'retired' ? 'retired' : 'active' },
  }),
  change,
});

describe('examples/downstream-consumer against the real broker', { timeout: 120_000 }, () => {
  const log = new KafkaMessageLog({ brokers: testKafkaBrokers(), clientId: 'example-consumer-test' });
  const topic = uniqueName('example-golden');
  const consumers: { stop(): Promise<void> }[] = [];
  // What the hub would send, built by the hub's own publisher code (CloudEvents headers, tombstone).
  const messages: LogMessage[] = [
    toLogMessage(golden('wh_a', 1, '上海仓', 'created')),
    toLogMessage(golden('wh_b', 1, '杭州仓', 'created')),
    toLogMessage(golden('wh_a', 3, '上海青浦仓')),
    toLogMessage(golden('wh_a', 1, '上海仓', 'created')), // redelivered: a duplicate of an older version
    toLogMessage(golden('wh_b', 2, '杭州萧山仓')),
    toLogMessage(golden('wh_b', 2, '杭州萧山仓')), // redelivered: same version again
    ...logMessagesFor(golden('wh_b', 4, '杭州萧山仓', 'retired')), // final state, then the tombstone
    toLogMessage(golden('wh_b', 2, '杭州萧山仓')), // a late redelivery must not bring wh_b back
    toLogMessage(golden('wh_c', 1, '广州仓', 'created')),
    toLogMessage(golden('wh_d', 1, '成都仓', 'created')),
    ...logMessagesFor(golden('wh_d', 2, '成都仓', 'retired')),
    toLogMessage(golden('wh_d', 3, '成都仓')), // a steward restored it: a higher version after the tombstone
  ];

  before(async () => {
    await log.ensureTopic(topic, { partitions: 3, compact: true });
    await log.publish(topic, messages);
  });
  after(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await log.close();
  });

  const follow = async () => {
    const outcomes: string[] = [];
    const running = await example.startWarehouseConsumer({
      brokers: testKafkaBrokers(),
      topic,
      onApplied: (outcome: string) => outcomes.push(outcome),
    });
    consumers.push(running);
    await waitFor(() => outcomes.length >= messages.length, `${messages.length} messages through the example consumer`, 60_000);
    return running.table;
  };

  it('keeps the newest version per key, skips duplicates and stale versions, deletes on a tombstone, takes a restore back', async () => {
    const table = await follow();
    assert.deepEqual(
      table.active().map((r: any) => [r.warehouseNo, r.name]),
      [
        ['WH_A', '上海青浦仓'],
        ['WH_C', '广州仓'],
        ['WH_D', '成都仓'],
      ],
    );
    assert.equal(table.get('wh_a').version, 3);
    assert.equal(table.get('wh_b'), undefined, 'the tombstone removed the retired record');
    assert.equal(table.get('wh_d').version, 3, 'restored after its tombstone');
    assert.deepEqual(table.stats, { applied: 9, duplicates: 1, stale: 2, tombstones: 2 });
  });

  it('a restarted consumer rebuilds the same table from the topic', async () => {
    const table = await follow();
    assert.deepEqual(
      table.active().map((r: any) => r.warehouseNo),
      ['WH_A', 'WH_C', 'WH_D'],
    );
    assert.equal(table.get('wh_b'), undefined);
  });
});
