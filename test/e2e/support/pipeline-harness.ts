import assert from 'node:assert/strict';
import { KafkaMessageLog } from '../../../src/log/kafka-message-log';
import type { ConsumedMessage, MessageLog } from '../../../src/log/message-log.port';
import { startKingdeeSimulator, type KingdeeSimulator, type SimStock } from '../../../src/simulators/kingdee';
import { startWdtSimulator, type SimWarehouse, type WdtSimulator } from '../../../src/simulators/wdt';
import { testKafkaBrokers, uniqueName } from '../../support/kafka';
import { waitFor } from '../../support/wait-for';

export const ADMIN_KEY = 'e2e-pipeline-admin-7c41d2';

export interface Simulators {
  readonly wdt: WdtSimulator;
  readonly kingdee: KingdeeSimulator;
  stop(): Promise<void>;
}

/** The test's own WDT (seeded warehouses) and Kingdee (empty BD_STOCK) simulators, on ephemeral ports. */
export async function startSimulators(warehouses: number): Promise<Simulators> {
  const wdt = await startWdtSimulator({ port: 0, warehouses, seed: 2026 });
  const kingdee = await startKingdeeSimulator({ port: 0 });
  return { wdt, kingdee, stop: async () => void (await Promise.all([wdt.stop(), kingdee.stop()])) };
}

/** Hub settings pointed at the simulators (manual WDT syncs only); add DATABASE_URL/Kafka or MDM_DATA_DIR. */
export function hubEnv(sims: Simulators, extra: Record<string, string>): Record<string, string> {
  const c = sims.wdt.credentials;
  const u = sims.kingdee.user;
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    MDM_API_KEYS: `e2e:admin:${ADMIN_KEY}`,
    WDT_MODE: 'openapi',
    WDT_BASE_URL: sims.wdt.openapiBaseUrl,
    WDT_SID: c.sid,
    WDT_APPKEY: c.appkey,
    WDT_APPSECRET: c.appsecret,
    WDT_PAGE_SIZE: '50',
    WDT_POLL_INTERVAL: '0',
    WDT_CALLS_PER_MINUTE: '100000',
    KINGDEE_BASE_URL: sims.kingdee.url,
    KINGDEE_ACCT_ID: u.acctId,
    KINGDEE_USERNAME: u.username,
    KINGDEE_PASSWORD: u.password,
    ...extra,
  };
}

/** Real Kafka with this run's own topics and sink group, so parallel files and reruns never meet. */
export function kafkaEnv(label: string): Record<string, string> {
  return {
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_GOLDEN: uniqueName(`e2e-${label}-golden`),
    KAFKA_TOPIC_DLQ: uniqueName(`e2e-${label}-dlq`),
    KAFKA_SINK_GROUP: uniqueName(`e2e-${label}-sink`),
  };
}

/** The hub's REST API with the admin key. */
export class HubApi {
  constructor(readonly url: string) {}

  async call(method: string, path: string, body?: unknown): Promise<any> {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => undefined);
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** A call whose status and headers the caller judges (e.g. a 412 expected or not). */
  async send(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; json: any }> {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_KEY}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: response.status, headers: response.headers, json: await response.json().catch(() => undefined) };
  }

  /** POST /sync/wdt and wait for the run to finish; returns its summary. */
  async sync(timeoutMs = 240_000): Promise<any> {
    const { runId } = await this.call('POST', '/sync/wdt');
    return waitFor(
      async () => {
        const run = await this.call('GET', `/sync/wdt/runs/${runId}`);
        return run.status !== 'running' && run;
      },
      `WDT sync run ${runId}`,
      timeoutMs,
      250,
    );
  }

  /**
   * Waits until every read model has applied everything appended so far: a read at the head
   * (`?minPosition=`) answers only then. Assert one read model after waiting for another only
   * through this: each processor moves at its own pace.
   */
  async readModelsAtHead(timeoutMs = 120_000): Promise<void> {
    const head: string = (await this.call('GET', '/status')).events.headPosition;
    await waitFor(
      async () => Boolean(await this.call('GET', `/warehouses?pageSize=1&minPosition=${head}`)),
      `every read model at position ${head}`,
      timeoutMs,
      100,
    );
  }

  async countWarehouses(syncStatus: 'pending' | 'synced' | 'failed'): Promise<number> {
    return (await this.call('GET', `/warehouses?syncStatus=${syncStatus}&pageSize=1`)).total;
  }

  async syncFailureTasks(status: 'open' | 'resolved'): Promise<any[]> {
    return (await this.call('GET', `/stewardship/tasks?type=sync_failure&status=${status}&pageSize=200`)).items;
  }
}

/** Reads `count` messages of `topic` with a throwaway consumer group. */
export async function readTopic(log: MessageLog, topic: string, count: number, timeoutMs = 60_000): Promise<ConsumedMessage[]> {
  const seen: ConsumedMessage[] = [];
  const subscription = await log.subscribe({
    groupId: uniqueName('e2e-reader'),
    topic,
    fromBeginning: true,
    handleBatch: async (batch) => void seen.push(...batch),
  });
  try {
    await waitFor(() => seen.length >= count, `${count} message(s) on ${topic}`, timeoutMs);
    return seen;
  } finally {
    await subscription.stop();
  }
}

/** A Kafka log of our own (for hubs in child processes, whose log objects the test cannot reach). */
export const kafkaLog = (): MessageLog => new KafkaMessageLog({ brokers: testKafkaBrokers(), clientId: 'e2e-reader' });

/** Every WDT warehouse is in BD_STOCK exactly once, mapped as the market template says and audited. */
export function assertMappedStocks(stocks: readonly SimStock[], warehouses: readonly SimWarehouse[]): void {
  assert.equal(stocks.length, warehouses.length, 'one BD_STOCK record per WDT warehouse');
  const byNumber = new Map(stocks.map((s) => [s.FNumber, s]));
  assert.equal(byNumber.size, stocks.length, 'no FNumber twice');
  for (const w of warehouses) {
    const s = byNumber.get(w.warehouse_no);
    assert.ok(s, `${w.warehouse_no} is in Kingdee`);
    assert.deepEqual(
      [s.FName, s.FUseOrgId, s.FCreateOrgId, s.FStockStatusType, s.FStockProperty, s.FAllowMinusQty, s.FGroup, s.FDocumentStatus],
      [w.name, { FNumber: '100.02' }, { FNumber: '100.02' }, '0,1,2,3,4,5,6,7,8', '5', true, { FNumber: '02' }, 'C'],
      `mapped fields of ${w.warehouse_no}`,
    );
  }
}

export const stockIds = (stocks: readonly SimStock[]): Map<string, number> => new Map(stocks.map((s) => [s.FNumber, s.FStockId]));
