import assert from 'node:assert/strict';
import path from 'node:path';
import { inspect } from 'node:util';
import { after, before, beforeEach, describe, it } from 'node:test';
import { projectRoot } from '../../config/config';
import type { GoldenRecordChangedV1 } from '../../contracts/golden-record-changed.v1';
import { sampleGoldenMessage } from '../../schemes/golden-message.fixture';
import { matchKeys } from '../../schemes/match-keys';
import { renderBatchSaveBodies, type ExistingStock } from '../../schemes/render-batch-save';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { loadSchemeFile } from '../../schemes/scheme-loader';
import { startKingdeeSimulator, type KingdeeSimulator } from '../../simulators/kingdee';
import { KingdeeClient } from './kingdee-client';
import { KingdeeError } from './kingdee-error';

const warehouse = (no: string, name = `仓库 ${no}`, version = 1) =>
  sampleGoldenMessage({ goldenId: `g-${no}`, version, record: { warehouseNo: no, name } });

describe('KingdeeClient against the Kingdee simulator (real HTTP)', () => {
  let sim: KingdeeSimulator;
  let scheme: IntegrationScheme;
  let kd: KingdeeClient;
  const password = () => ({ acctId: sim.user.acctId, username: sim.user.username, lcid: 2052, password: sim.user.password });
  const newClient = (extra: Partial<ConstructorParameters<typeof KingdeeClient>[0]> = {}) =>
    new KingdeeClient({ baseUrl: sim.url, credentials: password(), timeoutMs: 2000, ...extra });

  /** What the sink will do: look up existing ids by rendered number and org, render, save each batch. */
  async function sync(messages: GoldenRecordChangedV1[]) {
    const keys = matchKeys(scheme, messages);
    const found = await kd.findStocks(
      keys.map((k) => k.fNumber),
      keys[0]?.useOrg,
    );
    const existing = new Map<string, ExistingStock>();
    for (const key of keys) {
      const hit = found.get(key.fNumber);
      if (hit) existing.set(key.goldenId, { fStockId: hit.fStockId });
    }
    const { batches } = renderBatchSaveBodies(scheme, messages, existing);
    const results = [];
    for (const batch of batches) results.push({ batch, outcome: await kd.batchSave(batch.body) });
    return results;
  }

  before(async () => {
    sim = await startKingdeeSimulator();
    scheme = await loadSchemeFile(path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml'));
  });
  after(() => sim.stop());
  beforeEach(() => {
    sim.admin.reset();
    kd = newClient();
  });

  it('logs in with ValidateUser once and reuses the session for many calls', async () => {
    await kd.login();
    for (let i = 0; i < 3; i++) await kd.executeBillQuery({ FormId: 'BD_STOCK', FieldKeys: 'FNumber' });
    assert.deepEqual(sim.admin.callCounts(), { ValidateUser: 1, ExecuteBillQuery: 3 });
  });

  it('logs in with LoginByAppSecret', async () => {
    const app = newClient({
      credentials: {
        acctId: sim.user.acctId,
        username: sim.user.username,
        lcid: 2052,
        appId: sim.user.appId,
        appSecret: sim.user.appSecret,
      },
    });
    assert.deepEqual(await app.executeBillQuery({ FormId: 'BD_STOCK', FieldKeys: 'FNumber' }), []);
    assert.equal(sim.admin.callCounts().LoginByAppSecret, 1);
  });

  it('rejects wrong credentials permanently, without the password anywhere', async () => {
    const wrong = newClient({ credentials: { ...password(), password: 'Wrong-Pass-123' } });
    const error = await wrong.batchSave({ formid: 'BD_STOCK', data: { Model: [] } }).catch((e: unknown) => e);
    assert.ok(error instanceof KingdeeError && error.reason === 'kingdee_login_failed' && !error.retryable, String(error));
    assert.match(error.message, /LoginResultType 0: 用户名或密码错误/);
    for (const text of [error.message, inspect(error), JSON.stringify(error), inspect(wrong, { depth: 6 })])
      assert.ok(!text.includes('Wrong-Pass-123'));
  });

  it('creates with the market template, then updates in place: same FStockId, no new record, no auto-audit on update', async () => {
    sim.admin.setBehaviour({ rejectAutoAuditOnUpdate: true });
    const [created] = await sync([warehouse('CK001', '杭州主仓')]);
    assert.equal(created!.batch.operation, 'create');
    assert.deepEqual(created!.outcome.records, [{ index: 0, number: 'CK001', status: 'saved', id: '100001' }]);
    assert.equal(sim.admin.stock('CK001')!.FDocumentStatus, 'C');
    const [updated] = await sync([warehouse('CK001', '杭州主仓（新）', 2)]);
    assert.equal(updated!.batch.operation, 'update');
    assert.deepEqual(updated!.outcome.records, [{ index: 0, number: 'CK001', status: 'saved', id: '100001' }]);
    const stocks = sim.admin.stocks();
    assert.equal(stocks.length, 1);
    assert.deepEqual(
      [stocks[0]!.FStockId, stocks[0]!.FName, stocks[0]!.FAllowMinusQty, stocks[0]!.FGroup],
      [100001, '杭州主仓（新）', true, { FNumber: '02' }],
    );
  });

  it('reports a duplicate number with Kingdee’s message, and saves the rest of the batch around a rejected record', async () => {
    sim.admin.addStock({ FNumber: 'CK009', FName: '手工建的仓', FUseOrgId: { FNumber: '100.02' }, FCreateOrgId: { FNumber: '100.02' } });
    sim.admin.rejectNumber('CK012');
    const { batches } = renderBatchSaveBodies(
      scheme,
      ['CK009', 'CK011', 'CK012', 'CK013'].map((n) => warehouse(n)),
      new Map(),
    );
    const outcome = await kd.batchSave(batches[0]!.body);
    const summary = outcome.records.map((r) => (r.status === 'failed' ? `${r.number}:${r.error.code}` : `${r.number}:${r.status}`));
    assert.deepEqual(summary, ['CK009:kingdee_duplicate_number', 'CK011:saved', 'CK012:kingdee_validation_failed', 'CK013:saved']);
    const dup = outcome.records[0]!;
    assert.ok(
      dup.status === 'failed' &&
        dup.error.message === '违反字段唯一性要求：编码唯一。[CK009]在当前系统中已经被使用。' &&
        dup.error.fieldName === 'FNumber' &&
        !dup.error.retryable,
    );
  });

  it('maps results by number when the scheme sends BatchCount (DIndex restarts per sub-batch)', async () => {
    sim.admin.rejectNumber('B3');
    const subBatched = { ...scheme, target: { ...scheme.target, options: { ...scheme.target.options, BatchCount: 2 } } };
    const { batches } = renderBatchSaveBodies(
      subBatched,
      ['B1', 'B2', 'B3', 'B4'].map((n) => warehouse(n)),
      new Map(),
    );
    const outcome = await kd.batchSave(batches[0]!.body);
    assert.deepEqual(
      outcome.records.map((r) => `${r.number}:${r.status}`),
      ['B1:saved', 'B2:saved', 'B3:failed', 'B4:saved'],
    );
    assert.deepEqual(
      outcome.records.filter((r) => r.status === 'saved').map((r) => r.status === 'saved' && Number(r.id)),
      sim.admin.stocks().map((s) => s.FStockId),
    );
  });

  it('survives session expiry mid-run: re-logs in, never duplicates a record whose earlier answer was lost', async () => {
    await sync([warehouse('S1')]);
    sim.admin.loseAnswerNext(1, 'BatchSave');
    const lost = await sync([warehouse('S2')]).catch((e: unknown) => e);
    assert.ok(lost instanceof KingdeeError && lost.retryable && lost.info.writeOutcomeUnknown, String(lost));
    sim.admin.expireSessions();
    // The sink has not learnt S2's id: it sends S2 as a create again, together with a new S3.
    const { batches } = renderBatchSaveBodies(scheme, [warehouse('S2'), warehouse('S3')], new Map());
    const outcome = await kd.batchSave(batches[0]!.body);
    assert.equal(outcome.sessionRenewed, true);
    assert.deepEqual(outcome.records, [
      { index: 0, number: 'S2', status: 'exists', id: '100002' },
      { index: 1, number: 'S3', status: 'saved', id: '100003' },
    ]);
    assert.deepEqual(
      sim.admin.stocks().map((s) => s.FNumber),
      ['S1', 'S2', 'S3'],
    );
    assert.equal(sim.admin.callCounts().ValidateUser, 2);
  });

  it('re-logs in for queries after session loss and finds existing ids by number and use-org', async () => {
    await sync([warehouse('Q1'), warehouse("Q'2")]);
    sim.admin.addStock({ FNumber: 'Q1', FName: 'other org', FUseOrgId: { FNumber: '100.01' }, FCreateOrgId: { FNumber: '100.01' } });
    sim.admin.advanceClock(21 * 60_000);
    const found = await kd.findStocks(['Q1', "Q'2", 'Q3'], '100.02');
    assert.deepEqual(
      [...found.entries()],
      [
        ['Q1', { fStockId: '100001', number: 'Q1', useOrg: '100.02', forbidden: false }],
        ["Q'2", { fStockId: '100002', number: "Q'2", useOrg: '100.02', forbidden: false }],
      ],
    );
    const inList = newClient({ lookup: { strategy: 'in-list' } });
    assert.deepEqual([...(await inList.findStocks(['Q1', "Q'2", 'Q3'], '100.02')).keys()], ['Q1', "Q'2"]);
  });

  it('classifies server trouble: 5xx and response_error retryable, rate limits retryable, slow answers time out', async () => {
    await kd.login();
    const body = { formid: 'BD_STOCK', data: { Model: [] } };
    sim.admin.failNext(1, 502);
    const http = await kd.batchSave(body).catch((e: unknown) => e);
    assert.ok(http instanceof KingdeeError && http.reason === 'kingdee_server_error' && http.retryable && http.info.httpStatus === 502);
    sim.admin.exceptionNext(1);
    const exception = await kd.executeBillQuery({ FormId: 'BD_STOCK', FieldKeys: 'FNumber' }).catch((e: unknown) => e);
    assert.ok(exception instanceof KingdeeError && exception.reason === 'kingdee_server_exception' && exception.retryable);
    sim.admin.rateLimitNext(1);
    const limited = await kd.executeBillQuery({ FormId: 'BD_STOCK', FieldKeys: 'FNumber' }).catch((e: unknown) => e);
    assert.ok(limited instanceof KingdeeError && limited.reason === 'kingdee_busy' && limited.retryable);
    const unknownField = await kd.executeBillQuery({ FormId: 'BD_STOCK', FieldKeys: 'FNope' }).catch((e: unknown) => e);
    assert.ok(unknownField instanceof KingdeeError && unknownField.reason === 'kingdee_unknown_field' && !unknownField.retryable);
    sim.admin.slowResponses(300);
    const slow = await newClient({ timeoutMs: 50 })
      .login()
      .catch((e: unknown) => e);
    assert.ok(slow instanceof KingdeeError && slow.reason === 'kingdee_timeout' && slow.retryable);
  });
});
