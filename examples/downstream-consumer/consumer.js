'use strict';
// Reads mdm.warehouse.golden.v1 into a WarehouseTable with kafkajs.
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel } = require('kafkajs');
const { WarehouseTable } = require('./warehouse-table');

/**
 * Starts a consumer that keeps `table` up to date. The table lives in memory, so every start reads
 * the compacted topic from the beginning under a fresh group id (nothing to commit): compaction keeps
 * the topic about as large as the set of warehouses, so this stays quick. A consumer that keeps its
 * table in a database would instead use a fixed group id and store each partition's offset with its rows.
 *
 * Resolves once the consumer runs; `onApplied(outcome, message)` is told about every message.
 */
async function startWarehouseConsumer({
  brokers,
  topic = 'mdm.warehouse.golden.v1',
  groupId = `warehouse-table-${randomUUID()}`,
  table = new WarehouseTable(),
  onApplied = () => undefined,
}) {
  const kafka = new Kafka({ clientId: 'warehouse-table-example', brokers, logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  // Partitions are read one message at a time, in order: one key's versions arrive in order.
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      const outcome = table.apply(message);
      onApplied(outcome, { partition, offset: message.offset, key: message.key?.toString() });
    },
  });
  return { table, stop: () => consumer.disconnect() };
}

module.exports = { startWarehouseConsumer };
