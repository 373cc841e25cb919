import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KingdeeClient } from './kingdee-client';
import { KingdeeError } from './kingdee-error';

type Call = { url: string; body: any };
const LOGIN_OK = {
  body: JSON.stringify({ LoginResultType: 1, KDSVCSessionId: 'sid-1', Message: null }),
  cookies: ['kdservice-sessionid=sid-1; path=/'],
};

function scripted(replies: (string | { body: string; cookies?: string[] })[]) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    const next = replies.shift() ?? '{}';
    const r = typeof next === 'string' ? { body: next } : next;
    return new Response(r.body, { status: 200, headers: new Headers((r.cookies ?? []).map((c): [string, string] => ['set-cookie', c])) });
  }) as unknown as typeof globalThis.fetch;
  const client = new KingdeeClient({
    baseUrl: 'http://kd.test/k3cloud/',
    credentials: { acctId: 'acct', username: 'api', lcid: 2052, password: 'pw-secret' },
    fetch,
  });
  return { client, calls };
}

const status = (s: object) => JSON.stringify({ Result: { ResponseStatus: { Errors: [], SuccessEntitys: [], SuccessMessages: [], ...s } } });

describe('KingdeeClient.executeOperation (ExcuteOperation, docs/kingdee-api.md 通用操作)', () => {
  it('sends [formid, opNumber, data] to the misspelt service with the spec’s data shape, by Numbers or Ids', async () => {
    const { client, calls } = scripted([
      LOGIN_OK,
      status({ IsSuccess: true, SuccessEntitys: [{ Id: 100123, Number: 'CK001', DIndex: 0 }], MsgCode: 0 }),
      status({ IsSuccess: true, SuccessEntitys: [{ Id: 100123, Number: 'CK001', DIndex: 0 }], MsgCode: 0 }),
    ]);
    const forbid = await client.executeOperation('BD_STOCK', 'Forbid', { numbers: ['CK001'] });
    assert.equal(calls[1]!.url, 'http://kd.test/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExcuteOperation.common.kdsvc');
    assert.deepEqual(calls[1]!.body, {
      formid: 'BD_STOCK',
      opNumber: 'Forbid',
      data: { CreateOrgId: 0, Numbers: ['CK001'], Ids: '', PkEntryIds: [] },
    });
    assert.deepEqual(forbid, [{ index: 0, target: 'CK001', status: 'done', id: '100123' }]);
    await client.executeOperation('BD_STOCK', 'Enable', { ids: ['100123', '100124'] });
    assert.deepEqual(calls[2]!.body.data, { CreateOrgId: 0, Numbers: [], Ids: '100123,100124', PkEntryIds: [] });
    assert.equal(calls[2]!.body.opNumber, 'Enable');
  });

  it('reads per-record results by DIndex: done, already in that state (unchanged), unknown (not found)', async () => {
    const { client } = scripted([
      LOGIN_OK,
      status({
        ErrorCode: 500,
        IsSuccess: false,
        MsgCode: 11,
        SuccessEntitys: [{ Id: 100002, Number: 'CK002', DIndex: 1 }],
        Errors: [
          { FieldName: null, Message: '编码为[CK001]的数据已经是禁用状态，不能重复禁用', DIndex: 0 },
          { FieldName: null, Message: '[NOPE]单据不存在或者已被删除', DIndex: 2 },
        ],
      }),
    ]);
    const outcomes = await client.executeOperation('BD_STOCK', 'Forbid', { numbers: ['CK001', 'CK002', 'NOPE'] });
    assert.deepEqual(
      outcomes.map((o) => [o.target, o.status, o.status === 'failed' ? o.error.code : undefined]),
      [
        ['CK001', 'unchanged', undefined],
        ['CK002', 'done', undefined],
        ['NOPE', 'failed', 'kingdee_not_found'],
      ],
    );
  });

  it('logs in again once after a session loss and repeats the operation', async () => {
    const lost = status({ ErrorCode: 500, IsSuccess: false, MsgCode: 1, Errors: [{ Message: '会话信息已丢失，请重新登录', DIndex: 0 }] });
    const { client, calls } = scripted([
      LOGIN_OK,
      lost,
      LOGIN_OK,
      status({ IsSuccess: true, SuccessEntitys: [{ Id: 7, Number: 'CK007', DIndex: 0 }], MsgCode: 0 }),
    ]);
    const outcomes = await client.executeOperation('BD_STOCK', 'Enable', { ids: ['7'] });
    assert.equal(outcomes[0]!.status, 'done');
    assert.deepEqual(
      calls.map((c) => c.url.split('.').at(-3)),
      ['ValidateUser', 'ExcuteOperation', 'ValidateUser', 'ExcuteOperation'],
    );
  });

  it('throws for a whole-call failure (unknown form) and sends nothing for no targets', async () => {
    const { client, calls } = scripted([
      LOGIN_OK,
      status({ ErrorCode: 500, IsSuccess: false, MsgCode: 4, Errors: [{ Message: '标识为“NOPE”的业务对象不存在，或者被删除' }] }),
    ]);
    assert.deepEqual(await client.executeOperation('BD_STOCK', 'Forbid', { ids: [] }), []);
    assert.equal(calls.length, 0);
    const error = await client.executeOperation('NOPE', 'Forbid', { numbers: ['CK001'] }).catch((e: unknown) => e);
    assert.ok(error instanceof KingdeeError && error.reason === 'kingdee_request_rejected', String(error));
  });
});
