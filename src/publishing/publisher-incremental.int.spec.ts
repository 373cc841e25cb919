import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { alwaysLeader } from '../event-store/leader-lock';
import { CheckpointedProcessor, saveCheckpoint } from '../event-store/processor';
import { START } from '../event-store/stored-event';
import { LogMessage, MessageLog } from '../log/message-log.port';
import { warehouseGoldenFold } from '../warehouses/golden-record-fold';
import { WarehousesTestKit, createWarehousesTestKit } from '../warehouses/testing/test-kit';
import { recordVariedHistory } from '../warehouses/testing/varied-history';
import { PUBLISHER_NAME, GoldenRecordPublisher, goldenMessageFor, logMessagesFor } from './golden-record-publisher';
import { PublisherStates } from './publisher-state';

/** A log that keeps what it is given; `kafka` runs the publisher outside a transaction, as in production. */
function memoryLog(kind: 'kafka' | 'embedded') {
  const published: LogMessage[] = [];
  const log = {
    kind,
    async publish(_topic: string, messages: readonly LogMessage[]) {
      published.push(...messages);
    },
  } as unknown as MessageLog;
  return { log, published };
}

describe('the publisher folds each stream once and publishes what folding the whole history gives', { timeout: 120_000 }, () => {
  let kit: WarehousesTestKit;
  let expected: LogMessage[];

  before(async () => {
    kit = await createWarehousesTestKit('publisher_incremental');
    await recordVariedHistory(kit);
    await kit.store.waitUntilReadable();
    // The reference: every golden event's message from its whole history folded, in commit order.
    const events = await kit.store.readAllAfter(START, 100_000);
    const golden = events.filter((e) => warehouseGoldenFold.isGoldenStream(e.streamId));
    const streams = await kit.store.readStreams(golden.map((e) => e.streamId));
    expected = golden.flatMap((e) => {
      const history = streams.get(e.streamId)!.filter((h) => h.streamVersion <= e.streamVersion);
      const message = goldenMessageFor(e, history, warehouseGoldenFold);
      return message ? logMessagesFor(message) : [];
    });
    assert.ok(expected.length > 30, `${expected.length} messages to compare`);
  });
  after(async () => kit?.close());

  /** Publishes everything after the checkpoint; `states` saves every `saveEvery` versions (default: a fresh publisher's). */
  const publish = async (kind: 'kafka' | 'embedded', batchSize: number, states = new PublisherStates(1)) => {
    const memory = memoryLog(kind);
    const publisher = new GoldenRecordPublisher(kit.store, memory.log, warehouseGoldenFold, 'golden', states);
    const processor = new CheckpointedProcessor(kit.db.dataSource, kit.store, publisher, alwaysLeader.forName(PUBLISHER_NAME), {
      batchSize,
    });
    await processor.catchUp();
    return memory.published;
  };
  const rewind = async () => saveCheckpoint(kit.db.dataSource, PUBLISHER_NAME, START);

  for (const [kind, batchSize] of [
    ['kafka', 7],
    ['embedded', 3],
    ['kafka', 500],
  ] as const) {
    it(`${kind} log, batches of ${batchSize}: the same messages, in the same order`, async () => {
      await rewind();
      await kit.db.dataSource.query(`DELETE FROM publisher_golden_state`);
      assert.deepEqual(await publish(kind, batchSize), expected);
      const [{ n }] = await kit.db.dataSource.query(`SELECT count(*)::int AS n FROM publisher_golden_state`);
      assert.ok(n > 0, 'the states are kept with the checkpoint');
    });
  }

  it('rewound over kept states that are ahead of it (saved and in memory), it publishes the same messages again', async () => {
    const states = new PublisherStates(3);
    await rewind();
    assert.deepEqual(await publish('kafka', 11, states), expected);
    await rewind();
    assert.deepEqual(await publish('kafka', 11, states), expected);
    await rewind();
    assert.deepEqual(await publish('embedded', 4, new PublisherStates(2)), expected);
  });

  it('saves a stream state only once it moved far enough past its saved copy', async () => {
    await rewind();
    await kit.db.dataSource.query(`DELETE FROM publisher_golden_state`);
    assert.deepEqual(await publish('kafka', 500, new PublisherStates(1_000_000)), expected);
    const [{ n }] = await kit.db.dataSource.query(`SELECT count(*)::int AS n FROM publisher_golden_state`);
    assert.equal(n, 0);
  });

  it('a kept state lost (or behind) is made up from the store, the messages unchanged', async () => {
    await rewind();
    await kit.db.dataSource.query(`DELETE FROM publisher_golden_state`);
    const first = await publish('kafka', 5);
    assert.deepEqual(first, expected);
    // Drop half the kept states and publish everything again: lost ones start from the streams' beginnings.
    await kit.db.dataSource.query(`DELETE FROM publisher_golden_state WHERE stream_id IN
      (SELECT stream_id FROM publisher_golden_state ORDER BY stream_id LIMIT (SELECT count(*) / 2 FROM publisher_golden_state))`);
    await rewind();
    assert.deepEqual(await publish('kafka', 9), expected);
  });
});
