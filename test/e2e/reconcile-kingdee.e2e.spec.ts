import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli';
import { loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import { createLogger } from '../../src/platform/logging/logger';
import { KingdeeSimulator, startKingdeeSimulator } from '../../src/simulators/kingdee';
import { stock } from '../../src/simulators/kingdee/sim-test-client';
import { WdtSimulator, startWdtSimulator } from '../../src/simulators/wdt';
import { openApiSchemas } from '../support/openapi-schemas';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

const KEY = 'reconcile-admin-key-0001';
const WAREHOUSES = 20;
const PAGE = 8;

/** Runs `mdm …` in this process with the given environment; captures stdout and stderr. */
async function mdm(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const saved = { ...process.env };
  const out: string[] = [];
  const err: string[] = [];
  const [stdout, stderr] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  Object.assign(process.env, env);
  const capture = (into: string[], original: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: unknown[]) =>
      typeof chunk === 'string' ? (into.push(chunk), true) : original(chunk as Uint8Array, ...(rest as []))) as typeof process.stdout.write;
  process.stdout.write = capture(out, stdout);
  process.stderr.write = capture(err, stderr);
  try {
    return { code: await runCli(argv), out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    process.env = saved;
  }
}

/**
 * Issue 14 on real PostgreSQL (embedded log): an initial load adopts the warehouses Kingdee already
 * has; after a sync, a rename, a deletion and a hand-keyed record in Kingdee are reported exactly;
 * accepting, pushing and adopting settle them, and the next reconciliation is clean.
 */
describe('reconcile with Kingdee (WDT and Kingdee simulators, PostgreSQL)', { timeout: 300_000 }, () => {
  let db: TestDatabase;
  let wdt: WdtSimulator;
  let kingdee: KingdeeSimulator;
  let hub: RunningHub;
  let env: Record<string, string>;
  const preexisting = new Map<string, number>();
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as any;
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
  const reconcile = async () => {
    const { code, out, err } = await mdm(env, 'reconcile', 'kingdee', '--json');
    assert.equal(code, 0, err);
    assert.equal(out.trim().split('\n').length, 1, 'exactly one line of JSON');
    return JSON.parse(out) as any;
  };
  const golden = async (no: string) =>
    (await db.dataSource.query(`SELECT golden_id, name, address FROM golden_warehouses WHERE warehouse_no = $1`, [no]))[0] as {
      golden_id: string;
      name: string;
      address: string | null;
    };
  const openTask = (type: string, goldenId?: string) =>
    waitFor(async () => {
      const view = await call('GET', '/api/v1/reconcile/kingdee');
      return view.tasks.find((t: any) => t.type === type && (goldenId === undefined || t.goldenId === goldenId));
    }, `an open ${type} task`);
  const resolve = async (taskId: string, body: Record<string, unknown>) => {
    const res = await fetch(`${hub.url}/api/v1/reconcile/kingdee/tasks/${taskId}/resolve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as any;
    assert.equal(res.status, 200, JSON.stringify(json));
    return json;
  };

  before(async () => {
    db = await createTestDatabase('reconcile_kingdee_e2e');
    wdt = await startWdtSimulator({ port: 0, warehouses: WAREHOUSES, seed: 14 });
    const user = { acctId: 'acct-rc', username: 'mdm-api', password: 'kd-pass-reconcile', appId: 'app-rc', appSecret: 'app-secret-rc' };
    kingdee = await startKingdeeSimulator({ port: 0, users: [user] });
    // Kingdee already has two of the warehouses, keyed in by hand before the hub existed.
    for (const w of wdt.admin.listWarehouses().slice(0, 2))
      preexisting.set(w.warehouse_no, kingdee.admin.addStock(stock(w.warehouse_no, { FName: `手工建的 ${w.warehouse_no}` })).FStockId);
    const c = wdt.credentials;
    env = {
      DATABASE_URL: db.url,
      WDT_POLL_INTERVAL: '0',
      WDT_CALLS_PER_MINUTE: '100000',
      MDM_API_KEYS: `ops:admin:${KEY}`,
      MDM_RECONCILE_INTERVAL: '0',
      MDM_RECONCILE_PAGE_SIZE: String(PAGE),
      LOG_LEVEL: 'silent',
      WDT_BASE_URL: wdt.openapiBaseUrl,
      WDT_SID: c.sid,
      WDT_APPKEY: c.appkey,
      WDT_APPSECRET: c.appsecret,
      KINGDEE_BASE_URL: kingdee.url,
      KINGDEE_ACCT_ID: user.acctId,
      KINGDEE_USERNAME: user.username,
      KINGDEE_PASSWORD: user.password,
    };
    hub = await startHub(loadConfig({ ...env, PORT: '0' }), { logger: createLogger({ level: 'silent', secrets: [] }) });
    env.PORT = new URL(hub.url).port;
    const { runId } = await call('POST', '/api/v1/sync/wdt');
    await waitFor(async () => (await call('GET', `/api/v1/sync/wdt/runs/${runId}`)).status === 'succeeded', 'the first sync', 60_000);
    await waitFor(() => kingdee.admin.stocks().length === WAREHOUSES, `${WAREHOUSES} warehouses in Kingdee`, 90_000);
    await settled();
  });
  after(async () => {
    await hub?.stop();
    await Promise.all([wdt?.stop(), kingdee?.stop()]);
    await db?.close();
  });

  it('the initial load adopts the warehouses Kingdee already has: same FStockId, updated in place, never duplicated', async () => {
    assert.equal(kingdee.admin.stocks().length, WAREHOUSES);
    for (const [no, id] of preexisting) {
      const g = await golden(no);
      const s = kingdee.admin.stock(no)!;
      assert.deepEqual({ id: s.FStockId, name: s.FName }, { id, name: g.name });
      const [xref] = await db.dataSource.query(`SELECT external_id FROM warehouse_xref WHERE golden_id = $1 AND system = 'kingdee'`, [
        g.golden_id,
      ]);
      assert.equal(xref.external_id, String(id));
    }
    const clean = await reconcile();
    assert.deepEqual(clean, { checked: WAREHOUSES, kingdeeRecords: WAREHOUSES, drifted: [], missingInKingdee: [], unknownInKingdee: [] });
  });

  let renamed: string;
  let deleted: string;
  let handKeyed: { FNumber: string; FStockId: string };

  it('reports exactly a rename, a deletion and a hand-keyed record — one ExecuteBillQuery per page', async () => {
    const [a, b] = wdt.admin.listWarehouses().slice(5, 7);
    renamed = a!.warehouse_no;
    deleted = b!.warehouse_no;
    const [ga, gb] = [await golden(renamed), await golden(deleted)];
    kingdee.admin.editStock(renamed, { FName: '财务改过的名字' });
    kingdee.admin.deleteStock(deleted);
    const added = kingdee.admin.addStock(stock('HAND-001', { FName: gb.name, FAddress: gb.address ?? '' }));
    handKeyed = { FNumber: 'HAND-001', FStockId: String(added.FStockId) };
    kingdee.admin.clearCalls();
    const report = await reconcile();
    assert.deepEqual(report, {
      checked: WAREHOUSES,
      kingdeeRecords: WAREHOUSES,
      drifted: [{ warehouseNo: renamed, goldenId: ga.golden_id, field: 'FName', kingdee: '财务改过的名字', golden: ga.name }],
      missingInKingdee: [{ warehouseNo: deleted, goldenId: gb.golden_id }],
      unknownInKingdee: [{ ...handKeyed, FName: gb.name, candidateGoldenId: gb.golden_id }],
    });
    const counts = kingdee.admin.callCounts();
    assert.equal(counts.ExecuteBillQuery, Math.floor(WAREHOUSES / PAGE) + 1, JSON.stringify(counts));
    assert.equal(counts.BatchSave ?? 0, 0, 'reconciliation writes nothing to Kingdee');
    const view = await call('GET', '/api/v1/reconcile/kingdee');
    assert.deepEqual(view.report, report);
    openApiSchemas(await call('GET', '/api/docs-json'))('FindingsDto', view);
  });

  it('accepting the drift makes a steward override "accepted from Kingdee"; the next reconciliation has no drift', async () => {
    const g = await golden(renamed);
    const task = await openTask('kingdee_drift', g.golden_id);
    assert.deepEqual(task.details.fields, [{ field: 'FName', kingdee: '财务改过的名字', golden: g.name }]);
    await resolve(task.taskId, { action: 'accept' });
    const detail = await waitFor(async () => {
      const d = await call('GET', `/api/v1/warehouses/${g.golden_id}`);
      return d.overrides?.name && d;
    }, 'the override');
    assert.deepEqual(
      { value: detail.overrides.name.value, reason: detail.overrides.name.reason },
      { value: '财务改过的名字', reason: 'accepted from Kingdee' },
    );
    await settled();
    const report = await reconcile();
    assert.deepEqual(report.drifted, []);
    assert.equal(report.missingInKingdee.length, 1);
    assert.equal(report.unknownInKingdee.length, 1);
  });

  it('pushing the golden value instead rewrites Kingdee', async () => {
    const no = wdt.admin.listWarehouses()[9]!.warehouse_no;
    const g = await golden(no);
    kingdee.admin.editStock(no, { FName: '又被改了' });
    const report = await reconcile();
    assert.deepEqual(
      report.drifted.map((d: any) => [d.warehouseNo, d.field]),
      [[no, 'FName']],
    );
    const task = await openTask('kingdee_drift', g.golden_id);
    await resolve(task.taskId, { action: 'push' });
    await waitFor(() => kingdee.admin.stock(no)?.FName === g.name, 'Kingdee to hold the golden name again', 60_000);
  });

  it('adopting the unknown record cross-references it; the deleted record’s task closes by itself; all clean', async () => {
    const gb = await golden(deleted);
    const task = await openTask('kingdee_unknown');
    assert.equal(task.goldenId, gb.golden_id);
    await resolve(task.taskId, { action: 'adopt' });
    await waitFor(
      async () => {
        const rows = await db.dataSource.query(
          `SELECT 1 FROM warehouse_xref WHERE golden_id = $1 AND system = 'kingdee' AND external_id = $2`,
          [gb.golden_id, handKeyed.FStockId],
        );
        return rows.length === 1;
      },
      'the cross-reference to the adopted record',
      60_000,
    );
    await settled();
    const adopted = kingdee.admin.stocks().find((s) => String(s.FStockId) === handKeyed.FStockId);
    assert.equal(adopted?.FNumber, deleted, 'updated in place under the golden code');
    assert.equal(kingdee.admin.stocks().length, WAREHOUSES, 'nothing duplicated');
    const report = await reconcile();
    assert.deepEqual(report, { checked: WAREHOUSES, kingdeeRecords: WAREHOUSES, drifted: [], missingInKingdee: [], unknownInKingdee: [] });
    await waitFor(async () => (await call('GET', '/api/v1/reconcile/kingdee')).tasks.length === 0, 'every reconciliation task closed');
    const [missing] = await db.dataSource.query(
      `SELECT status, resolution FROM stewardship_tasks WHERE golden_id = $1 AND type = 'kingdee_missing'`,
      [gb.golden_id],
    );
    assert.deepEqual(missing, { status: 'resolved', resolution: 'cleared' });
  });

  it('status and metrics show the last reconciliation and its findings by type', async () => {
    const status = await call('GET', '/api/v1/status');
    assert.ok(Date.parse(status.reconciliation.lastRunAt) > 0);
    assert.deepEqual(status.reconciliation.findings, { drifted: 0, missingInKingdee: 0, unknownInKingdee: 0 });
    const metrics = await (await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })).text();
    assert.match(metrics, /^mdm_reconciliation_last_run_timestamp_seconds \d/m);
    assert.match(metrics, /^mdm_reconciliation_findings\{type="drifted"\} 0$/m);
  });

  it('a missing record recreated, another retired, a hand-keyed one ignored: the next reconciliation is clean', async () => {
    const [recreated, retired] = wdt.admin
      .listWarehouses()
      .slice(12, 14)
      .map((w) => w.warehouse_no) as [string, string];
    const [gr, gt] = [await golden(recreated), await golden(retired)];
    kingdee.admin.deleteStock(recreated);
    kingdee.admin.deleteStock(retired);
    const stray = kingdee.admin.addStock(stock('HAND-TMP-9', { FName: '临时周转点（勿用）' }));
    const report = await reconcile();
    assert.deepEqual(report.missingInKingdee.map((m: { warehouseNo: string }) => m.warehouseNo).sort(), [recreated, retired].sort());
    assert.deepEqual(
      report.unknownInKingdee.map((u: { FNumber: string }) => u.FNumber),
      ['HAND-TMP-9'],
    );
    await resolve((await openTask('kingdee_missing', gr.golden_id)).taskId, { action: 'recreate' });
    await resolve((await openTask('kingdee_missing', gt.golden_id)).taskId, { action: 'retire', reason: '仓库已撤销' });
    await resolve((await openTask('kingdee_unknown')).taskId, { action: 'ignore' });
    await waitFor(() => kingdee.admin.stock(recreated)?.FName === gr.name, 'the recreated record back in Kingdee', 60_000);
    await waitFor(async () => (await call('GET', `/api/v1/warehouses/${gt.golden_id}`)).record.status === 'retired', 'the record retired');
    await settled();
    assert.equal(kingdee.admin.stock(retired), undefined, 'a retired record is not written back');
    assert.equal(kingdee.admin.stock('HAND-TMP-9')?.FStockId, stray.FStockId, 'an ignored record is left as it is');
    const after = await reconcile();
    assert.deepEqual([after.drifted, after.missingInKingdee, after.unknownInKingdee], [[], [], []]);
    assert.equal(after.kingdeeRecords, WAREHOUSES, 'two deleted, one recreated, one hand-keyed');
    await waitFor(async () => (await call('GET', '/api/v1/reconcile/kingdee')).tasks.length === 0, 'every reconciliation task closed');
  });

  it('exits non-zero with one line on stderr when Kingdee cannot be read, and prints no report', async () => {
    kingdee.admin.failNext(20, 500);
    try {
      const { code, out, err } = await mdm(env, 'reconcile', 'kingdee', '--json');
      assert.equal(code, 1);
      assert.equal(out, '');
      assert.match(err, /^mdm: reconcile\.kingdee failed: .+\n$/m);
      assert.equal(
        err
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('mdm:')).length,
        1,
      );
    } finally {
      kingdee.admin.clearFaults();
    }
  });
});
