import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { projectRoot } from '../../../../src/config/config';

/**
 * A Kafka broker of the test's own (scripts/kafka-local.sh on other ports), for scenarios that stop
 * and restart the broker: the shared broker the other test files use is never touched.
 */
export class PrivateKafka {
  readonly brokers: string[];
  private readonly env: NodeJS.ProcessEnv;

  constructor(port = Number(process.env.FAULT_KAFKA_PORT ?? 19092)) {
    this.brokers = [`127.0.0.1:${port}`];
    this.env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(port + 1) };
  }

  /** A fresh, empty broker. */
  start(): Promise<void> {
    return this.script('start');
  }

  /** Stops the broker; its topics, offsets and groups stay on disk for restart(). */
  stop(): Promise<void> {
    return this.script('stop');
  }

  /** Starts it again on its previous data, as after a broker restart in production. */
  startKeepingData(): Promise<void> {
    return this.script('start', { KAFKA_KEEP_DATA: '1' });
  }

  /** Asynchronous: the simulators live in this process and must keep answering meanwhile. */
  private async script(command: string, extra: Record<string, string> = {}): Promise<void> {
    const script = path.join(projectRoot(), 'scripts', 'kafka-local.sh');
    try {
      await promisify(execFile)('bash', [script, command], { env: { ...this.env, ...extra }, timeout: 120_000 });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      throw new Error(`scripts/kafka-local.sh ${command} on ${this.brokers[0]} failed: ${stderr}`);
    }
  }
}
