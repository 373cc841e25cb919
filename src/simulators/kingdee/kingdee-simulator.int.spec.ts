import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loginSign } from './auth-service';
import { startKingdeeSimulator, type KingdeeSimulator } from './server';
import { AUTH, FORM, loginCookie, rawPost, stock } from './sim-test-client';

describe('Kingdee simulator over HTTP', () => {
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

  it('logs in with ValidateUser: body and both session cookies; wrong password → LoginResultType 0', async () => {
    const ok = await rawPost(sim.url, `${AUTH}.ValidateUser`, {
      parameters: [sim.user.acctId, sim.user.username, sim.user.password, 2052],
    });
    assert.equal(ok.json.LoginResultType, 1);
    assert.equal(ok.json.IsSuccessByAPI, true);
    assert.ok(ok.json.KDSVCSessionId && ok.json.Context.SessionId === ok.json.KDSVCSessionId);
    assert.deepEqual(
      ok.cookies.map((c) => c.split('=')[0]),
      ['kdservice-sessionid', 'ASP.NET_SessionId'],
    );
    const bad = await rawPost(sim.url, `${AUTH}.ValidateUser`, {
      acctID: sim.user.acctId,
      username: sim.user.username,
      password: 'nope',
      lcid: 2052,
    });
    assert.equal(bad.json.LoginResultType, 0);
    assert.deepEqual(bad.cookies, []);
  });

  it('logs in with LoginByAppSecret and LoginBySign (SHA-256 of the sorted strings)', async () => {
    const app = await rawPost(sim.url, `${AUTH}.LoginByAppSecret`, {
      acctId: sim.user.acctId,
      username: sim.user.username,
      appId: sim.user.appId,
      appSecret: sim.user.appSecret,
      lcid: 2052,
    });
    assert.equal(app.json.LoginResultType, 1);
    const ts = '1700000000';
    const sign = loginSign(sim.user.acctId, sim.user.username, sim.user.appId, sim.user.appSecret, ts, 'sha256');
    const signed = await rawPost(sim.url, `${AUTH}.LoginBySign`, [sim.user.acctId, sim.user.username, sim.user.appId, ts, sign, 2052]);
    assert.equal(signed.json.LoginResultType, 1);
    assert.equal(
      loginSign('000000000000aa', 'apiuser', 'appid-x', 'secret-y', ts, 'sha256'),
      '4ec3cc88ee936b5d786c25168b9e91fc107d1c927517935f3ebb4c4d40a58a60',
    );
    assert.equal(loginSign('000000000000aa', 'apiuser', 'appid-x', 'secret-y', ts, 'sha1'), '4643e1a3b6d2ef4ac0bf49d2fa56ea156414c468');
  });

  it('accepts the session by cookie, kdservice-sessionid header or SID header; otherwise answers the session-lost body', async () => {
    const login = await rawPost(sim.url, `${AUTH}.ValidateUser`, {
      acctID: sim.user.acctId,
      username: sim.user.username,
      password: sim.user.password,
      lcid: 2052,
    });
    const sid = login.json.KDSVCSessionId as string;
    for (const headers of [session, { 'kdservice-sessionid': sid }, { SID: sid }])
      assert.deepEqual((await query({ FieldKeys: 'FStockId' }, headers)).json, []);
    const lost = await save([stock('CK001')], {}, {});
    assert.equal(lost.status, 200);
    assert.deepEqual(lost.json, {
      Result: {
        ResponseStatus: {
          ErrorCode: 500,
          IsSuccess: false,
          Errors: [{ FieldName: null, Message: '会话信息已丢失，请重新登录', DIndex: 0 }],
          SuccessEntitys: [],
          SuccessMessages: [],
          MsgCode: 1,
        },
      },
    });
    assert.equal((await query({ FieldKeys: 'FStockId' }, {})).json[0][0].Result.ResponseStatus.MsgCode, 1);
  });

  it('expires idle sessions after 20 minutes on its clock, sliding on use', async () => {
    sim.admin.advanceClock(19 * 60_000);
    assert.deepEqual((await query({ FieldKeys: 'FStockId' })).json, []);
    sim.admin.advanceClock(19 * 60_000);
    assert.deepEqual((await query({ FieldKeys: 'FStockId' })).json, []);
    sim.admin.advanceClock(21 * 60_000);
    assert.equal((await query({ FieldKeys: 'FStockId' })).json[0][0].Result.ResponseStatus.MsgCode, 1);
  });

  it('saves each record on its own: real response shape, ids from 100001, duplicates and missing fields rejected', async () => {
    const first = await save([stock('CK001'), stock('CK002')]);
    assert.deepEqual(first.json.Result.ResponseStatus, {
      IsSuccess: true,
      Errors: [],
      SuccessEntitys: [
        { Id: 100001, Number: 'CK001', DIndex: 0 },
        { Id: 100002, Number: 'CK002', DIndex: 1 },
      ],
      SuccessMessages: [],
      MsgCode: 0,
    });
    const second = await save([stock('CK003'), stock('ck001'), { FStockId: 0, FNumber: 'CK004', FUseOrgId: { FNumber: '100.02' } }]);
    assert.deepEqual(second.json.Result.ResponseStatus, {
      ErrorCode: 500,
      IsSuccess: false,
      MsgCode: 11,
      SuccessMessages: [],
      SuccessEntitys: [{ Id: 100003, Number: 'CK003', DIndex: 0 }],
      Errors: [
        { FieldName: 'FNumber', Message: '违反字段唯一性要求：编码唯一。[ck001]在当前系统中已经被使用。', DIndex: 1 },
        { FieldName: 'FName', Message: '字段[名称]是必录字段', DIndex: 2 },
        { FieldName: 'FCreateOrgId', Message: '字段[创建组织]是必录字段', DIndex: 2 },
      ],
    });
    assert.equal(
      (await save([stock('CK001', { FUseOrgId: { FNumber: '100.01' } })])).json.Result.ResponseStatus.IsSuccess,
      true,
      'unique per use-org',
    );
    const stored = sim.admin.stock('CK001', '100.02')!;
    assert.deepEqual(
      [stored.FAllowMinusQty, stored.FGroup, stored.FDocumentStatus, stored.FForbidStatus],
      [true, { FNumber: '02' }, 'C', 'A'],
    );
  });

  it('matches field keys case-insensitively and rejects badly typed values and unknown fields', async () => {
    const seedStyle = { ...stock('CK010'), FAllowMinusQty: undefined, FGroup: undefined, FALLOWMINUSQTY: true, FGROUP: { fnumber: '02' } };
    assert.equal((await save([seedStyle])).json.Result.ResponseStatus.IsSuccess, true);
    assert.equal(sim.admin.stock('CK010')!.FAllowMinusQty, true);
    const bad = await save([stock('CK011', { FGroup: '02' }), stock('CK012', { FAllowMinusQty: 1 }), stock('CK013', { FNoSuchField: 1 })]);
    assert.deepEqual(
      bad.json.Result.ResponseStatus.Errors.map((e: any) => [e.FieldName, e.DIndex]),
      [
        ['FGroup', 0],
        ['FAllowMinusQty', 1],
        ['FNoSuchField', 2],
      ],
    );
    assert.match(bad.json.Result.ResponseStatus.Errors[2].Message, /元数据中标识为 FNoSuchField 的字段不存在/);
  });

  it('updates by FStockId honouring NeedUpDateFields; an unknown id is MsgCode 10', async () => {
    await save([stock('CK020', { FAddress: 'old', FDescription: 'keep' })], { IsAutoSubmitAndAudit: false });
    const id = sim.admin.stock('CK020')!.FStockId;
    const update = await save([stock('CK020', { FStockId: id, FAddress: 'new', FDescription: 'ignored' })], {
      IsAutoSubmitAndAudit: 'false',
      NeedUpDateFields: ['FAddress', 'fname'],
    });
    assert.deepEqual(update.json.Result.ResponseStatus.SuccessEntitys, [{ Id: id, Number: 'CK020', DIndex: 0 }]);
    const after = sim.admin.stock('CK020')!;
    assert.deepEqual([after.FAddress, after.FDescription, after.FDocumentStatus, sim.admin.stocks().length], ['new', 'keep', 'A', 1]);
    const missing = await save([stock('CK021', { FStockId: 999 })]);
    assert.equal(missing.json.Result.ResponseStatus.MsgCode, 10);
  });

  it('answers ExecuteBillQuery with arrays in FieldKeys order, filters, paging, and [[{Result}]] errors', async () => {
    await save([stock('CK030'), stock('CK031'), stock("O'K")]);
    const rows = await query({
      FieldKeys: 'FStockId,FNumber,FUseOrgId.FNumber,FDocumentStatus,FAllowMinusQty',
      FilterString: "FNumber in ('CK031','O''K') and FUseOrgId.FNumber='100.02'",
      OrderString: 'FNumber desc',
    });
    assert.deepEqual(rows.json, [
      [100003, "O'K", '100.02', 'C', true],
      [100002, 'CK031', '100.02', 'C', true],
    ]);
    assert.deepEqual((await query({ FieldKeys: ['FNumber'], StartRow: 1, Limit: 1 })).json, [['CK031']]);
    const unknownField = await query({ FieldKeys: 'FNumber,FNoSuchField' });
    assert.equal(unknownField.json[0][0].Result.ResponseStatus.MsgCode, 9);
    assert.equal((await query({ FieldKeys: '' })).json[0][0].Result.ResponseStatus.MsgCode, 8);
    assert.match(
      (await query({ FieldKeys: 'FNumber', FilterString: "FNumber = 'x" })).json[0][0].Result.ResponseStatus.Errors[0].Message,
      /GetRealExpress error/,
    );
    assert.equal(
      (await rawPost(sim.url, `${FORM}.ExecuteBillQuery`, { data: { FormId: 'NO_SUCH_FORM', FieldKeys: 'FNumber' } }, session)).json[0][0]
        .Result.ResponseStatus.MsgCode,
      4,
    );
  });

  it('routes case-insensitively (K3Cloud path, batchSave method) and accepts every body shape', async () => {
    const upper = sim.url.replace('/k3cloud/', '/K3Cloud/');
    const shapes = [
      { parameters: ['BD_STOCK', JSON.stringify({ Model: [stock('S2')] })] },
      { format: '1', useragent: 'ApiClient', parameters: JSON.stringify(['BD_STOCK', JSON.stringify({ Model: [stock('S3')] })]) },
      ['BD_STOCK', JSON.stringify({ Model: [stock('S4')] })],
      { FormId: 'BD_STOCK', Data: { Model: [stock('S1')] } },
    ];
    for (const body of shapes) {
      const reply = await rawPost(upper, `${FORM.toLowerCase()}.batchSave`, body, session);
      assert.equal(reply.json.Result.ResponseStatus.IsSuccess, true, JSON.stringify(body));
    }
    assert.deepEqual(
      sim.admin.stocks().map((s) => s.FNumber),
      ['S2', 'S3', 'S4', 'S1'],
    );
  });

  it('views by number or id, numbers DIndex per sub-batch with BatchCount, and logs out', async () => {
    const sub = await save([stock('B1'), stock('B2'), stock('B3'), stock('B4')], { BatchCount: 2 });
    assert.deepEqual(
      sub.json.Result.ResponseStatus.SuccessEntitys.map((s: any) => s.DIndex),
      [0, 1, 0, 1],
    );
    const view = await rawPost(sim.url, `${FORM}.View`, { formid: 'BD_STOCK', data: { CreateOrgId: 0, Number: 'B2', Id: '' } }, session);
    assert.deepEqual(
      [view.json.Result.ResponseStatus.IsSuccess, view.json.Result.Result.Id, view.json.Result.Result.Name],
      [true, 100002, [{ Key: 2052, Value: '仓库 B2' }]],
    );
    assert.equal(
      (await rawPost(sim.url, `${FORM}.View`, { formid: 'BD_STOCK', data: { Id: 100003 } }, session)).json.Result.Result.Number,
      'B3',
    );
    assert.equal((await rawPost(sim.url, `${AUTH}.Logout`, [], session)).json, true);
    assert.equal((await query({ FieldKeys: 'FNumber' })).json[0][0].Result.ResponseStatus.MsgCode, 1);
  });
});
