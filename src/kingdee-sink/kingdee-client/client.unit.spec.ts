import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { loadConfig } from '../../config/config';
import { createKingdeeClient } from './create-kingdee-client';
import { KingdeeClient } from './kingdee-client';
import { KingdeeError } from './kingdee-error';
import { readLoginReply } from './login';
import { AWKWARD_SECRETS } from '../../shared/secrets/awkward-secrets';

const PASSWORD = 'Pa$$-secret-42';
const APP_SECRET = 'app-secret-9f8e7d';
type Call = { url: string; body: any; headers: Record<string, string> };

/** A fetch that answers each call with the next scripted reply and records what was sent. */
function scriptedFetch(replies: (string | { body: string; status?: number; cookies?: string[] })[]) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)), headers: init.headers as Record<string, string> });
    const next = replies.shift() ?? '{}';
    const r = typeof next === 'string' ? { body: next } : next;
    const headers = new Headers([['content-type', 'text/plain'], ...(r.cookies ?? []).map((c): [string, string] => ['set-cookie', c])]);
    return new Response(r.body, { status: r.status ?? 200, headers });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const LOGIN_OK = {
  body: JSON.stringify({ LoginResultType: 1, KDSVCSessionId: 'sid-1', Message: null }),
  cookies: ['kdservice-sessionid=sid-1; path=/', 'ASP.NET_SessionId=asp-1; path=/; HttpOnly'],
};
const client = (fetch: typeof globalThis.fetch, logs: string[] = []) =>
  new KingdeeClient({
    baseUrl: 'http://kd.test/k3cloud',
    credentials: { acctId: 'acct', username: 'api', lcid: 2052, password: PASSWORD },
    fetch,
    logger: { info: (o, m) => logs.push(JSON.stringify(o) + m), warn: (o, m) => logs.push(JSON.stringify(o) + m) },
  });

describe('KingdeeClient (scripted server)', () => {
  it('logs in once with ValidateUser and reuses the session by cookie and header', async () => {
    const { fetch, calls } = scriptedFetch([LOGIN_OK, '[[1,"CK001","100.02"]]', '[]']);
    const kd = client(fetch);
    await kd.executeBillQuery({ FormId: 'BD_STOCK', FieldKeys: ['FStockId', 'FNumber'] });
    await kd.executeBillQuery({ FormId: 'BD_STOCK', FieldKeys: 'FStockId' });
    assert.equal(calls.length, 3);
    assert.equal(calls[0]!.url, 'http://kd.test/k3cloud/Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc');
    assert.deepEqual(calls[0]!.body, { acctID: 'acct', username: 'api', password: PASSWORD, lcid: 2052 });
    assert.equal(calls[1]!.url, 'http://kd.test/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery.common.kdsvc');
    assert.deepEqual(calls[1]!.body, { data: { FormId: 'BD_STOCK', FieldKeys: 'FStockId,FNumber' } });
    assert.equal(calls[2]!.headers.cookie, 'kdservice-sessionid=sid-1; ASP.NET_SessionId=asp-1');
    assert.equal(calls[2]!.headers['kdservice-sessionid'], 'sid-1');
  });

  it('never puts the password in errors or logs, even when the server echoes it', async () => {
    const logs: string[] = [];
    const echo = JSON.stringify({ LoginResultType: 0, Message: `用户名或密码错误: ${PASSWORD}` });
    const { fetch } = scriptedFetch([echo, { body: `response_error:{"Message":"bad ${PASSWORD}"}`, status: 500 }]);
    const kd = client(fetch, logs);
    const first = await kd.login().catch((e: unknown) => e);
    assert.ok(first instanceof KingdeeError && first.reason === 'kingdee_login_failed' && !first.retryable, String(first));
    const second = await kd.login().catch((e: unknown) => e);
    assert.ok(second instanceof KingdeeError && second.reason === 'kingdee_server_exception');
    for (const text of [
      first.message,
      second.message,
      JSON.stringify(first),
      inspect(first),
      inspect(second),
      inspect(kd, { depth: 5 }),
      ...logs,
    ]) {
      assert.ok(!text.includes(PASSWORD), `leaked in: ${text}`);
    }
    assert.match(first.message, /LoginResultType 0: 用户名或密码错误: \*\*\*/);
  });

  it('scrubs passwords with quotes, backslashes, $, Chinese and spaces, raw, JSON-escaped or ASCII-escaped', async () => {
    for (const secret of AWKWARD_SECRETS) {
      const logs: string[] = [];
      const ascii = JSON.stringify(secret).replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const { fetch } = scriptedFetch([
        JSON.stringify({ LoginResultType: 0, Message: `用户名或密码错误: ${secret}` }),
        { body: `response_error:{"Message":"bad","Password":${ascii},"Raw":${JSON.stringify(secret)}}`, status: 500 },
      ]);
      const kd = new KingdeeClient({
        baseUrl: 'http://kd.test/k3cloud',
        credentials: { acctId: 'acct', username: 'api', lcid: 2052, password: secret },
        fetch,
        logger: { info: (o, m) => logs.push(JSON.stringify(o) + m), warn: (o, m) => logs.push(JSON.stringify(o) + m) },
      });
      const errors = [await kd.login().catch((e: unknown) => e), await kd.login().catch((e: unknown) => e)];
      for (const error of errors) assert.ok(error instanceof KingdeeError, String(error));
      const texts = [...errors.flatMap((e) => [(e as Error).message, JSON.stringify(e), inspect(e)]), ...logs];
      for (const text of texts) {
        for (const form of [secret, JSON.stringify(secret).slice(1, -1), ascii.slice(1, -1)]) {
          assert.ok(!text.includes(form), `${JSON.stringify(form)} leaked in: ${text}`);
        }
      }
      assert.match((errors[0] as Error).message, /用户名或密码错误: \*\*\*/);
    }
  });

  it('accepts LoginResultType -5 and "1", takes the id from the cookie when the body lacks it', () => {
    assert.equal(readLoginReply({ LoginResultType: -5, KDSVCSessionId: 's' }, [], 'x').sessionId, 's');
    assert.equal(readLoginReply({ LoginResultType: '1' }, ['kdservice-sessionid=c1; path=/'], 'x').sessionId, 'c1');
    assert.throws(() => readLoginReply({ LoginResultType: 1 }, [], 'x'), /no session id/);
    assert.throws(() => readLoginReply({ LoginResultType: -3, Message: '密码已过期' }, [], 'x'), /LoginResultType -3: 密码已过期/);
  });

  it('logs in with LoginByAppSecret when there is no password, keeping the secret out of errors', async () => {
    const { fetch, calls } = scriptedFetch([{ body: JSON.stringify({ LoginResultType: -1, Message: `签名错误 ${APP_SECRET}` }) }]);
    const kd = new KingdeeClient({
      baseUrl: 'http://kd.test/k3cloud/',
      credentials: { acctId: 'a', username: 'u', lcid: 2052, appId: 'id_1', appSecret: APP_SECRET },
      fetch,
    });
    const error = (await kd.login().catch((e: unknown) => e)) as Error;
    assert.match(calls[0]!.url, /AuthService\.LoginByAppSecret\.common\.kdsvc$/);
    assert.deepEqual(calls[0]!.body, { acctId: 'a', username: 'u', appId: 'id_1', appSecret: APP_SECRET, lcid: 2052 });
    assert.ok(!error.message.includes(APP_SECRET) && !inspect(error).includes(APP_SECRET));
  });

  it('times out with a retryable error that says a write may have happened', async () => {
    const fetch = ((_u: string, init: RequestInit) =>
      new Promise((_, reject) =>
        init.signal!.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as unknown as typeof globalThis.fetch;
    const kd = new KingdeeClient({
      baseUrl: 'http://kd.test/k3cloud/',
      credentials: { acctId: 'a', username: 'u', lcid: 2052, password: PASSWORD },
      fetch,
      timeoutMs: 30,
    });
    const error = await kd.login().catch((e: unknown) => e);
    assert.ok(error instanceof KingdeeError && error.reason === 'kingdee_timeout' && error.retryable);
    assert.match(error.message, /ValidateUser at http:\/\/kd\.test did not answer within 30 ms/);
  });
});

describe('createKingdeeClient', () => {
  it('builds a client from AppConfig.kingdee, password or app login', async () => {
    const { fetch, calls } = scriptedFetch([
      { body: '{"LoginResultType":1,"KDSVCSessionId":"s"}' },
      { body: '{"LoginResultType":1,"KDSVCSessionId":"s"}' },
    ]);
    const env = { KINGDEE_BASE_URL: 'http://kd.test/k3cloud', KINGDEE_ACCT_ID: 'a', KINGDEE_USERNAME: 'u' };
    await createKingdeeClient(loadConfig({ ...env, KINGDEE_PASSWORD: PASSWORD }).kingdee, { fetch }).login();
    await createKingdeeClient(loadConfig({ ...env, KINGDEE_APP_ID: 'id', KINGDEE_APP_SECRET: APP_SECRET }).kingdee, { fetch }).login();
    assert.deepEqual(
      calls.map((c) => c.url.split('.').slice(-3)[0]),
      ['ValidateUser', 'LoginByAppSecret'],
    );
  });

  it('needs the simulator URL and credentials in demo mode', () => {
    assert.throws(() => createKingdeeClient(loadConfig({}).kingdee), /Kingdee is not configured/);
    const client = createKingdeeClient(loadConfig({}).kingdee, {
      baseUrl: 'http://sim/k3cloud/',
      credentials: { acctId: 'a', username: 'u', lcid: 2052, password: 'p' },
    });
    assert.ok(client instanceof KingdeeClient);
  });
});
