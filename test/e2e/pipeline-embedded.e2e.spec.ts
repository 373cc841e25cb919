import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import type { MessageLog } from '../../src/log/message-log.port';
import { MESSAGE_LOG } from '../../src/platform/tokens';
import { HubApi, hubEnv, startSimulators, Simulators } from './support/pipeline-harness';
import { firstSyncOneRejected, PipelineContext, retryAfterFix, tenEditsInPlace } from './support/pipeline-scenario';

const WAREHOUSES = 1000;

/**
 * The same scenario on the embedded defaults: no DATABASE_URL (PGlite in a temp MDM_DATA_DIR) and
 * no KAFKA_BROKERS (the golden topic and the DLQ are log tables in that PGlite).
 */
describe('pipeline end to end on the embedded defaults (PGlite + embedded log)', { timeout: 900_000 }, () => {
  let dataDir: string;
  let sims: Simulators;
  let hub: RunningHub;
  let ctx: PipelineContext;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mdm-pipeline-e2e-'));
    sims = await startSimulators(WAREHOUSES);
    const config = loadConfig(hubEnv(sims, { MDM_DATA_DIR: dataDir }));
    hub = await startHub(config);
    const rejected = sims.wdt.admin.listWarehouses()[611]!.warehouse_no;
    ctx = {
      api: new HubApi(hub.url),
      sims,
      log: hub.app.get<MessageLog>(MESSAGE_LOG),
      dlqTopic: config.kafka.topicDlq,
      rejected,
      warehouses: WAREHOUSES,
    };
  });
  after(async () => {
    await hub?.stop();
    await sims?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const timed = (name: string, step: (c: PipelineContext) => Promise<void>) =>
    it(name, async (t) => {
      const started = Date.now();
      await step(ctx);
      t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

  it('runs embedded: no PostgreSQL server, no Kafka', () => {
    if (hub.config.database.url !== undefined || hub.config.kafka.brokers !== undefined) throw new Error('expected the embedded defaults');
    if (ctx.log.kind !== 'embedded') throw new Error(`expected the embedded log, got ${ctx.log.kind}`);
  });
  timed(
    '1,000 warehouses: 999 saved in Kingdee, the rejected one in the DLQ with a stewardship task and a clear reason',
    firstSyncOneRejected,
  );
  timed('after the fix the steward retries: exactly 1,000 BD_STOCK records with the mapped fields, audited', retryAfterFix);
  timed('10 edits in WDT update those 10 records in place (same FStockId, no new records)', tenEditsInPlace);
});
