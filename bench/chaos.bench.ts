import { runChaos } from '../test/e2e/faults/support/chaos';

/**
 * `npm run bench -- chaos [--cycles N] [--warehouses N] [--seed N]`: SIGKILL-and-restart cycles at seeded
 * random points of a 1,000-warehouse pipeline on PostgreSQL + Kafka (KAFKA_BROKERS, else 127.0.0.1:9092).
 */
export async function run(): Promise<Record<string, unknown>> {
  process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
  const seed = option('--seed', Number(process.env.FAULT_SEED ?? Date.now() % 2 ** 31));
  const result = await runChaos({
    cycles: option('--cycles', 20),
    warehouses: option('--warehouses', 1000),
    seed,
    log: (line) => console.log(`  ${line}`),
  });
  return { ...result };
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}
