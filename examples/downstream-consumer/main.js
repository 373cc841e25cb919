'use strict';
// `KAFKA_BROKERS=127.0.0.1:9092 node main.js`: follows the golden topic and prints the table as it changes.
const { startWarehouseConsumer } = require('./consumer');

async function main() {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const topic = process.env.KAFKA_TOPIC_GOLDEN ?? 'mdm.warehouse.golden.v1';
  let timer;
  const { table, stop } = await startWarehouseConsumer({
    brokers,
    topic,
    onApplied: () => {
      // Print once things settle rather than once per message.
      clearTimeout(timer);
      timer = setTimeout(() => {
        console.table(table.active().map((r) => ({ warehouseNo: r.warehouseNo, name: r.name, status: r.status, city: r.city })));
        console.log(table.stats);
      }, 500);
    },
  });
  console.log(`following ${topic} on ${brokers.join(',')} (Ctrl-C to stop)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
