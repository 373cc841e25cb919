import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import type { MessageLog } from '../../src/log/message-log.port';
import { MESSAGE_LOG } from '../../src/platform/tokens';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { HubApi, hubEnv, kafkaEnv, startSimulators, Simulators } from './support/pipeline-harness';
import { firstSyncOneRejected, PipelineContext, retryAfterFix, tenEditsInPlace } from './support/pipeline-scenario';

const WAREHOUSES = 1000;

/**
 * Issue 5 on the production stack: real PostgreSQL and Kafka. 1,000 WDT warehouses (pages of 50)
 * become 1,000 BD_STOCK records; one Kingdee rejects is dead-lettered with a task until the steward
 * retries it; ten WDT edits update ten records in place.
 */
describe('pipeline end to end on PostgreSQL + Kafka (WDT sim → hub → Kafka → sink → Kingdee sim)', { timeout: 900_000 }, () => {
  let db: TestDatabase;
  let sims: Simulators;
  let hub: RunningHub;
  let ctx: PipelineContext;

  before(async () => {
    db = await createTestDatabase('pipeline_e2e');
    sims = await startSimulators(WAREHOUSES);
    const env = hubEnv(sims, { DATABASE_URL: db.url, ...kafkaEnv('pipeline') });
    hub = await startHub(loadConfig(env));
    const rejected = sims.wdt.admin.listWarehouses()[137]!.warehouse_no;
    ctx = {
      api: new HubApi(hub.url),
      sims,
      log: hub.app.get<MessageLog>(MESSAGE_LOG),
      dlqTopic: env.KAFKA_TOPIC_DLQ!,
      rejected,
      warehouses: WAREHOUSES,
    };
  });
  after(async () => {
    await hub?.stop();
    await sims?.stop();
    await db?.close();
  });

  const timed = (name: string, step: (c: PipelineContext) => Promise<void>) =>
    it(name, async (t) => {
      const started = Date.now();
      await step(ctx);
      t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

  timed(
    '1,000 warehouses: 999 saved in Kingdee, the rejected one in the DLQ with a stewardship task and a clear reason',
    firstSyncOneRejected,
  );
  timed('after the fix the steward retries: exactly 1,000 BD_STOCK records with the mapped fields, audited', retryAfterFix);
  timed('10 edits in WDT update those 10 records in place (same FStockId, no new records)', tenEditsInPlace);
});
