import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import { MessageLog } from '../../src/log/message-log.port';
import { createLogger } from '../../src/platform/logging/logger';
import { MESSAGE_LOG } from '../../src/platform/tokens';
import { KingdeeSimulator, startKingdeeSimulator } from '../../src/simulators/kingdee';
import { WdtSimulator, startWdtSimulator } from '../../src/simulators/wdt';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

const KEY = 'replay-admin-key-0001';
const READ_MODELS = {
  golden_warehouses: 'golden_id',
  warehouse_lineage: 'golden_id, field, stream_version',
  warehouse_xref: 'golden_id, system, source_key',
  warehouse_sync_status: 'golden_id',
  stewardship_tasks: 'task_id',
};

/**
 * Issue 6: replaying every read model of a running hub rebuilds the same tables and publishes
 * nothing; a resync of one golden record makes exactly one new golden message and one Kingdee write.
 */
describe('replay and resync on a running hub (WDT and Kingdee simulators, embedded log)', { timeout: 240_000 }, () => {
  let db: TestDatabase;
  let wdt: WdtSimulator;
  let kingdee: KingdeeSimulator;
  let hub: RunningHub;
  let log: MessageLog;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as any;
  };
  const finished = (job: { id: string }) =>
    waitFor(
      async () => {
        const j = await call('GET', `/api/v1/jobs/${job.id}`);
        return j.status !== 'running' && j;
      },
      `job ${job.id}`,
      120_000,
    );
  const endOffsets = async () =>
    (await log.consumerLag('mdm-offsets-probe', hub.config.kafka.topicGolden)).reduce((n, p) => n + Number(p.end), 0);
  const readModels = async () => {
    const dump: Record<string, unknown> = {};
    for (const [table, order] of Object.entries(READ_MODELS))
      dump[table] = JSON.parse(JSON.stringify(await db.dataSource.query(`SELECT * FROM ${table} ORDER BY ${order}`)));
    return dump;
  };
  const settled = () =>
    waitFor(
      async () => {
        const s = await call('GET', '/api/v1/status');
        return (
          s.processors.every((p: { lagEvents: number; kind: string }) => p.kind === 'other' || p.lagEvents === 0) && s.kingdeeSink.lag === 0
        );
      },
      'processors and the sink to catch up',
      90_000,
    );

  before(async () => {
    db = await createTestDatabase('replay_resync_e2e');
    wdt = await startWdtSimulator({ port: 0, warehouses: 40, seed: 11 });
    const user = { acctId: 'acct-r', username: 'mdm-api', password: 'kd-pass-replay', appId: 'app-r', appSecret: 'app-secret-r' };
    kingdee = await startKingdeeSimulator({ port: 0, users: [user] });
    const c = wdt.credentials;
    const config = loadConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      WDT_POLL_INTERVAL: '0',
      WDT_CALLS_PER_MINUTE: '100000',
      MDM_API_KEYS: `ops:admin:${KEY}`,
      WDT_BASE_URL: wdt.openapiBaseUrl,
      WDT_SID: c.sid,
      WDT_APPKEY: c.appkey,
      WDT_APPSECRET: c.appsecret,
      KINGDEE_BASE_URL: kingdee.url,
      KINGDEE_ACCT_ID: user.acctId,
      KINGDEE_USERNAME: user.username,
      KINGDEE_PASSWORD: user.password,
    });
    hub = await startHub(config, { logger: createLogger({ level: 'silent', secrets: [] }) });
    log = hub.app.get<MessageLog>(MESSAGE_LOG);
    const { runId } = await call('POST', '/api/v1/sync/wdt');
    await waitFor(async () => (await call('GET', `/api/v1/sync/wdt/runs/${runId}`)).status === 'succeeded', 'the first sync', 60_000);
    await waitFor(() => kingdee.admin.stocks().length === 40, 'all 40 warehouses in Kingdee', 90_000);
    await settled();
  });
  after(async () => {
    await hub?.stop();
    await Promise.all([wdt?.stop(), kingdee?.stop()]);
    await db?.close();
  });

  it('replays every read model: the same tables afterwards, nothing re-published, the publisher untouched', async () => {
    const before = await readModels();
    const offsets = await endOffsets();
    const [publisher] = await db.dataSource.query(
      `SELECT global_position::text AS p, updated_at FROM processor_checkpoints WHERE name = 'publisher.golden.v1'`,
    );
    const job = await finished(await call('POST', '/api/v1/replay', {}));
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.deepEqual(job.result.replayed.map((r: { projection: string }) => r.projection).sort(), [
      'warehouses.golden-records',
      'warehouses.lineage',
      'warehouses.stewardship-tasks',
      'warehouses.xref',
    ]);
    assert.ok(
      job.result.skipped.some((s: { projection: string }) => s.projection === 'publisher.golden.v1'),
      'the publisher is skipped',
    );
    assert.deepEqual(await readModels(), before);
    assert.equal(await endOffsets(), offsets, 'no message was published by the replay');
    const [after] = await db.dataSource.query(
      `SELECT global_position::text AS p, updated_at FROM processor_checkpoints WHERE name = 'publisher.golden.v1'`,
    );
    assert.deepEqual(after, publisher);
    const refused = await fetch(`${hub.url}/api/v1/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ projection: 'publisher.golden.v1' }),
    });
    assert.equal(refused.status, 400);
  });

  it('resyncs one golden record: exactly one new golden message, one record written to Kingdee', async () => {
    const [{ golden_id: goldenId, warehouse_no: number }] = await db.dataSource.query(
      `SELECT golden_id, warehouse_no FROM golden_warehouses ORDER BY warehouse_no LIMIT 1`,
    );
    const offsets = await endOffsets();
    kingdee.admin.clearCalls();
    const job = await finished(await call('POST', '/api/v1/resync/kingdee', { ids: [goldenId] }));
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.deepEqual({ requested: job.result.requested, resynced: job.result.resynced }, { requested: 1, resynced: 1 });
    await waitFor(async () => (await endOffsets()) === offsets + 1, 'one new golden message');
    const [message] = await db.dataSource.query(
      `SELECT key, value FROM log_messages WHERE topic = $1 ORDER BY appended_at DESC, "offset" DESC LIMIT 1`,
      [hub.config.kafka.topicGolden],
    );
    assert.equal(message.key, goldenId);
    assert.deepEqual(JSON.parse(message.value).changedFields, []);
    await settled();
    const saves = kingdee.admin.calls().filter((c) => c.service === 'BatchSave');
    assert.equal(
      saves.reduce((n, c) => n + (c.records ?? 0), 0),
      1,
      `one record written: ${JSON.stringify(saves)}`,
    );
    assert.ok(kingdee.admin.stock(number), 'the record is still there');
  });
});
