import { Client } from 'pg';
import { KafkaMessageLog } from '../../../../src/log/kafka-message-log';
import { waitFor } from '../../../support/wait-for';
import { uniqueName } from '../../../support/kafka';
import { createTestDatabase, TestDatabase } from '../../../support/test-database';
import { ChildHub, spawnHub } from '../../support/child-hub';
import { ADMIN_KEY, HubApi, hubEnv, kafkaEnv, startSimulators, Simulators } from '../../support/pipeline-harness';
import { SeededRandom } from './seeded-random';

export interface RigOptions {
  /** Names the database, topics and sink group. */
  readonly label: string;
  readonly warehouses: number;
  /** Another broker than the shared one (a PrivateKafka). */
  readonly brokers?: readonly string[];
  readonly random?: SeededRandom;
  /** Added to every hub's environment. */
  readonly env?: Record<string, string>;
}

/**
 * Short group timeouts so a dead or stalled member is noticed in seconds, and small Kingdee batches so
 * a fault lands in the middle of the sink rather than between two huge batches.
 */
export const FAULT_HUB_ENV: Record<string, string> = {
  LOG_LEVEL: 'info',
  // The rebalance timeout must outlast one Kingdee call (the hub refuses a config where it does not).
  KINGDEE_TIMEOUT: '8s',
  KAFKA_SESSION_TIMEOUT: '10s',
  KAFKA_REBALANCE_TIMEOUT: '12s',
  KINGDEE_BATCH_SIZE: '20',
  KINGDEE_LOOKUP: 'in-list',
};

/**
 * One fault scenario's world: a fresh PostgreSQL database, its own Kafka topics and sink group, the WDT
 * and Kingdee simulators in this process, and any number of hubs as child processes sharing them.
 */
export class FaultRig {
  readonly hubs: ChildHub[] = [];
  private readonly stopped = new Set<ChildHub>();

  private constructor(
    readonly db: TestDatabase,
    readonly sims: Simulators,
    readonly env: Record<string, string>,
    readonly random: SeededRandom,
    readonly warehouses: number,
  ) {}

  static async start(options: RigOptions): Promise<FaultRig> {
    const db = await createTestDatabase(`fault_${options.label}`);
    const sims = await startSimulators(options.warehouses);
    const kafka = options.brokers
      ? {
          KAFKA_BROKERS: options.brokers.join(','),
          KAFKA_TOPIC_GOLDEN: uniqueName(`fault-${options.label}-golden`),
          KAFKA_TOPIC_DLQ: uniqueName(`fault-${options.label}-dlq`),
          KAFKA_SINK_GROUP: uniqueName(`fault-${options.label}-sink`),
        }
      : kafkaEnv(`fault-${options.label}`);
    const env = hubEnv(sims, { DATABASE_URL: db.url, ...kafka, ...FAULT_HUB_ENV, ...options.env });
    await createTopics(env);
    return new FaultRig(db, sims, env, options.random ?? SeededRandom.fromEnv(), options.warehouses);
  }

  /** Starts one more hub on the shared database, topics and group. */
  async startHub(extra: Record<string, string> = {}): Promise<ChildHub> {
    const hub = await spawnHub({ ...this.env, ...extra });
    this.hubs.push(hub);
    return hub;
  }

  /** The API of the newest hub still running. */
  api(): HubApi {
    const live = this.liveHubs();
    if (live.length === 0) throw new Error('no hub is running');
    return new HubApi(live.at(-1)!.url);
  }

  liveHubs(): ChildHub[] {
    return this.hubs.filter((h) => !this.stopped.has(h) && h.process.exitCode === null && h.process.signalCode === null);
  }

  async kill(hub: ChildHub): Promise<void> {
    this.stopped.add(hub);
    await hub.kill();
  }

  async stop(hub: ChildHub): Promise<void> {
    this.stopped.add(hub);
    await hub.stop();
  }

  /** Waits until Kingdee holds at least `count` records; a timeout says how many it got to. */
  async waitForKingdee(count: number, what: string, timeoutMs = 120_000): Promise<void> {
    const held = () => this.sims.kingdee.admin.stocks().length;
    await waitFor(() => held() >= count, what, timeoutMs, 50).catch((error: Error) => {
      throw new Error(`${error.message} (Kingdee holds ${held()} of ${this.warehouses}, expected at least ${Math.ceil(count)})`);
    });
  }

  /** POST /api/v1/sync/wdt on the newest hub, answering whatever status it gets (202, or 409 while a run is in progress). */
  async requestSync(): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.api().url}/api/v1/sync/wdt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  }

  /** Golden records the hub has recorded as written to Kingdee (KingdeeSyncSucceeded streams). */
  async recordedSynced(): Promise<number> {
    const [row] = await this.db.dataSource.query(
      `SELECT count(DISTINCT stream_id)::int AS n FROM events WHERE type = 'KingdeeSyncSucceeded'`,
    );
    return row.n;
  }

  /** `pg_terminate_backend` on every connection to the test database but the one asking; returns how many. */
  async terminateBackends(): Promise<number> {
    const client = new Client({ connectionString: this.db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      return rows[0].n;
    } finally {
      await client.end();
    }
  }

  /** Runs a scenario; a failure names the seed and ends with each hub's last log lines. */
  async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const logs = this.hubs.map((h, i) => `--- hub ${i + 1} (${h.url}) last lines:\n${h.output.slice(-15).join('\n')}`).join('\n');
      const message = error instanceof Error ? error.message : String(error);
      const wrapped = new Error(`${message}\n[seed ${this.random.seed}: rerun with FAULT_SEED=${this.random.seed}]\n${logs}`);
      if (error instanceof Error) wrapped.stack = `${wrapped.message}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`;
      throw wrapped;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.hubs.map((h) => h.kill()));
    await this.sims.stop();
    await this.db.close();
  }
}

/**
 * Creates the hub's topics before any hub starts, as a deployment would: a hub that creates a fresh topic
 * itself may meet "This server does not host this topic-partition" while the new partitions get their
 * leaders, and exit at start-up (a start-up race, not one of the faults under test).
 */
async function createTopics(env: Record<string, string>): Promise<void> {
  const log = new KafkaMessageLog({ brokers: env.KAFKA_BROKERS!.split(','), clientId: 'fault-rig' });
  try {
    await waitFor(
      async () => {
        await log.ensureTopic(env.KAFKA_TOPIC_GOLDEN!, { partitions: 3, compact: true });
        await log.ensureTopic(env.KAFKA_TOPIC_DLQ!, { partitions: 1 });
        return true;
      },
      `topics ${env.KAFKA_TOPIC_GOLDEN} and ${env.KAFKA_TOPIC_DLQ}`,
      60_000,
      500,
    );
  } finally {
    await log.close();
  }
}
