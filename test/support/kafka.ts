import { randomBytes } from 'node:crypto';

/**
 * The brokers of the real Kafka that `npm test` started (or KAFKA_BROKERS). Kafka tests are never
 * skipped: without a broker they fail with one line that says how to provide one.
 */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      process.env.MDM_TEST_KAFKA_UNAVAILABLE ??
        'no Kafka broker: run the tests with `npm test` (it starts one with scripts/kafka-local.sh) or set KAFKA_BROKERS',
    );
  }
  return brokers.split(',').map((b) => b.trim());
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now()}-${randomBytes(3).toString('hex')}`;
}
