import assert from 'node:assert/strict';
import { CommandBus } from '@nestjs/cqrs';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { testKafkaBrokers, uniqueName } from '../../test/support/kafka';
import { waitFor } from '../../test/support/wait-for';
import { loadConfig } from '../config/config';
import { RunningHub, startHub } from '../hub';
import { KafkaMessageLog } from '../log/kafka-message-log';
import type { ConsumedMessage } from '../log/message-log.port';
import { createLogger } from '../platform/logging/logger';
import { ProcessorSupervisor } from '../processors/processor-supervisor';
import { generatedWarehouses } from '../warehouses/testing/generated-warehouses';
import { syncContext } from '../warehouses/testing/test-kit';
import { RetireGoldenRecordCommand } from '../warehouses/application/commands';
import type { Warehouses } from '../warehouses/warehouses.factory';
import { WAREHOUSES } from '../warehouses/warehouses.tokens';
import { GOLDEN_EVENT_SOURCE, GOLDEN_EVENT_TYPE } from './cloud-events';

describe('golden topic on Apache Kafka: CloudEvents headers and tombstones', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let hub: RunningHub;
  const topic = uniqueName('golden-ce');
  const reader = new KafkaMessageLog({ brokers: testKafkaBrokers(), clientId: 'golden-ce-reader' });
  const seen: ConsumedMessage[] = [];

  before(async () => {
    db = await createTestDatabase('golden_cloudevents');
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_GOLDEN: topic,
      KAFKA_TOPIC_DLQ: uniqueName('golden-ce-dlq'),
      KAFKA_SINK_GROUP: uniqueName('golden-ce-sink'),
      WDT_POLL_INTERVAL: '0',
      PORT: '0',
    };
    hub = await startHub(loadConfig(env), { runWorkers: false, logger: createLogger({ level: 'silent', secrets: [] }) });
    await reader.subscribe({ groupId: uniqueName('golden-ce-reader'), topic, handleBatch: async (batch) => void seen.push(...batch) });
  });
  after(async () => {
    await reader.close();
    await hub?.stop();
    await db?.close();
  });

  const catchUp = () => hub.app.get(ProcessorSupervisor).catchUp();

  it('every message carries the CloudEvents 1.0 binary-mode attributes besides the hub headers', async () => {
    const warehouses = hub.app.get<Warehouses>(WAREHOUSES);
    await warehouses.observationRecorder.recordObservations(generatedWarehouses(2), syncContext('run-ce'));
    await waitFor(async () => (await catchUp(), seen.length >= 2), 'two created messages on the topic');
    for (const message of seen) {
      const value = JSON.parse(message.value!);
      const h = message.headers ?? {};
      assert.deepEqual(
        [h.ce_specversion, h.ce_id, h.ce_source, h.ce_type, h.ce_subject, h.ce_time, h['content-type']],
        ['1.0', value.eventId, GOLDEN_EVENT_SOURCE, GOLDEN_EVENT_TYPE, value.goldenId, value.occurredAt, 'application/json'],
      );
      assert.equal(message.key, value.goldenId);
      assert.deepEqual([h.schema, h['event-id'], h.version], ['mdm.warehouse.golden/1', value.eventId, String(value.version)]);
      assert.ok(!Number.isNaN(Date.parse(h.ce_time!)), 'ce_time is an RFC 3339 time');
    }
  });

  it('a retired record ends with its final message, then a tombstone for its key', async () => {
    const goldenId = seen[0]!.key;
    await hub.app
      .get(CommandBus)
      .execute(
        new RetireGoldenRecordCommand({ goldenId, reason: 'closed down' }, { now: new Date(), actor: 'test', correlationId: 'retire-1' }),
      );
    await waitFor(async () => (await catchUp(), seen.filter((m) => m.key === goldenId).length >= 3), 'the retirement and its tombstone');
    const ofKey = seen.filter((m) => m.key === goldenId);
    const final = JSON.parse(ofKey[1]!.value!);
    assert.equal(final.change, 'retired');
    assert.equal(final.record.status, 'retired');
    assert.equal(ofKey[1]!.headers?.ce_id, final.eventId);
    const tombstone = ofKey[2]!;
    assert.equal(tombstone.value, null, 'a tombstone has a null value');
    assert.equal(tombstone.partition, ofKey[1]!.partition, 'same key, same partition: after the final message');
    assert.ok(BigInt(tombstone.offset) > BigInt(ofKey[1]!.offset));
    assert.deepEqual([tombstone.headers?.tombstone, tombstone.headers?.['event-id']], ['true', final.eventId]);
    assert.equal(seen.filter((m) => m.key !== goldenId && m.value === null).length, 0, 'live records get no tombstone');
  });
});
