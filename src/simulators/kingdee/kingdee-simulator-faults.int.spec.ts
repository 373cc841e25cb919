import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startKingdeeSimulator, type KingdeeSimulator } from './server';
import { FORM, loginCookie, rawPost, stock } from './sim-test-client';

describe('Kingdee simulator over HTTP: operations and fault injection', () => {
  let sim: KingdeeSimulator;
  let session: Record<string, string>;
  const save = (model: unknown[], extra: Record<string, unknown> = {}, headers = session) =>
    rawPost(sim.url, `${FORM}.BatchSave`, { formid: 'BD_STOCK', data: { IsAutoSubmitAndAudit: true, Model: model, ...extra } }, headers);
  const query = (data: Record<string, unknown>, headers = session) =>
    rawPost(sim.url, `${FORM}.ExecuteBillQuery`, { data: { FormId: 'BD_STOCK', ...data } }, headers);

  before(async () => {
    sim = await startKingdeeSimulator();
  });
  after(() => sim.stop());
  beforeEach(async () => {
    sim.admin.reset();
    session = await loginCookie(sim.url, sim.user);
  });

  it('submits, audits, un-audits and deletes by Numbers or Ids, refusing to delete audited records', async () => {
    await save([stock('O1'), stock('O2')], { IsAutoSubmitAndAudit: false });
    const op = (name: string, data: object) => rawPost(sim.url, `${FORM}.${name}`, { formid: 'BD_STOCK', data }, session);
    assert.equal((await op('Submit', { Numbers: ['O1'] })).json.Result.ResponseStatus.IsSuccess, true);
    assert.equal(sim.admin.stock('O1')!.FDocumentStatus, 'B');
    assert.equal((await op('Audit', { Ids: '100001,100002' })).json.Result.ResponseStatus.SuccessEntitys.length, 2);
    const refused = await op('Delete', { Numbers: ['O1'] });
    assert.deepEqual(
      [refused.json.Result.ResponseStatus.IsSuccess, refused.json.Result.ResponseStatus.Errors[0].Message],
      [false, '已审核的数据不允许删除'],
    );
    assert.equal((await op('UnAudit', { Numbers: ['O1'] })).json.Result.ResponseStatus.IsSuccess, true);
    assert.equal(sim.admin.stock('O1')!.FDocumentStatus, 'D');
    assert.equal((await op('Delete', { Numbers: ['O1', 'NOPE'] })).json.Result.ResponseStatus.Errors[0].DIndex, 1);
    assert.deepEqual(
      sim.admin.stocks().map((x) => x.FNumber),
      ['O2'],
    );
    sim.admin.setBehaviour({ rejectAuditedUpdate: true });
    assert.equal(
      (await save([stock('O2', { FStockId: 100002 })], { IsAutoSubmitAndAudit: false })).json.Result.ResponseStatus.Errors[0].Message,
      '单据已审核，不允许修改',
    );
  });

  it('injects faults: HTTP 500, response_error bodies, a rejected number, lost sessions; and shows what it holds', async () => {
    sim.admin.failNext(1, 503);
    assert.equal((await save([stock('F1')])).status, 503);
    sim.admin.exceptionNext(1, 'boom');
    assert.match((await save([stock('F1')])).text, /^response_error:\{"Message":"boom"/);
    sim.admin.rejectNumber('F2');
    const partial = await save([stock('F1'), stock('F2'), stock('F3')]);
    assert.deepEqual(
      partial.json.Result.ResponseStatus.SuccessEntitys.map((s: any) => s.Number),
      ['F1', 'F3'],
    );
    assert.deepEqual(
      partial.json.Result.ResponseStatus.Errors.map((e: any) => [e.FieldName, e.DIndex, e.Message]),
      [['FNumber', 1, '仓库编码[F2]未通过校验：模拟器注入的校验失败']],
    );
    await fetch(`${sim.origin}/__admin/sessions/expire`, { method: 'POST' });
    assert.equal((await query({ FieldKeys: 'FNumber' })).json[0][0].Result.ResponseStatus.MsgCode, 1);
    const state = (await (await fetch(`${sim.origin}/__admin/state`)).json()) as any;
    assert.deepEqual(
      state.stocks.map((s: any) => s.FNumber),
      ['F1', 'F3'],
    );
    assert.deepEqual(state.callCounts, { ValidateUser: 1, BatchSave: 3, ExecuteBillQuery: 1 });
    assert.equal((await fetch(`${sim.origin}/__admin/faults/fail-next`, { method: 'POST', body: '{"calls":1}' })).status, 200);
    assert.equal((await query({ FieldKeys: 'FNumber' })).status, 500);
  });
});
