import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { signOpenapi } from '../../shared/wdt-signing/openapi-signature';
import { signQimen } from '../../shared/wdt-signing/qimen-signature';
import { WdtSimulator, startWdtSimulator } from './server';
import { beijingTime } from './sim-warehouse';

const NOW = new Date('2026-11-28T10:00:00Z');
let sim: WdtSimulator;

async function post(url: string, form: Record<string, string>, query = '') {
  const res = await fetch(url + query, { method: 'POST', body: new URLSearchParams(form) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), text, json: () => JSON.parse(text) };
}

function openapiForm(
  business: Record<string, string> = {},
  overrides: Record<string, string> = {},
  unit: 'characters' | 'bytes' = 'characters',
): Record<string, string> {
  const c = sim.credentials;
  const params: Record<string, string> = {
    sid: c.sid,
    appkey: c.appkey,
    timestamp: String(NOW.getTime() / 1000),
    ...business,
    ...overrides,
  };
  return { ...params, sign: signOpenapi(params, c.appsecret, unit) };
}
const openapi = (business: Record<string, string> = {}, overrides: Record<string, string> = {}) =>
  post(`${sim.openapiBaseUrl}/warehouse_query.php`, openapiForm(business, overrides));

function qimenParams(business: Record<string, string> = {}, overrides: Record<string, string> = {}, secret = sim.credentials.qimenSecret) {
  const c = sim.credentials;
  const params = {
    method: 'wdt.warehouse.query',
    app_key: c.qimenAppKey,
    target_app_key: c.qimenTargetAppKey,
    sid: c.sid,
    timestamp: beijingTime(NOW),
    format: 'json',
    v: '2.0',
    sign_method: 'md5',
    ...business,
    ...overrides,
  };
  return { ...params, sign: signQimen(params, secret, params.sign_method as 'md5' | 'hmac') };
}
const qimen = (business: Record<string, string> = {}, overrides: Record<string, string> = {}) =>
  post(sim.qimenUrl, qimenParams(business, overrides));

describe('WDT simulator over HTTP', () => {
  before(async () => {
    sim = await startWdtSimulator({ warehouses: 120, seed: 3, now: () => NOW });
  });
  after(() => sim.stop());
  beforeEach(() => sim.admin.reset());

  describe('企业版 /openapi2/warehouse_query.php', () => {
    it('answers page 0 with total_count and later pages without, as text/html JSON', async () => {
      const first = await openapi({ page_no: '0', page_size: '50' });
      assert.equal(first.type, 'text/html; charset=utf-8');
      const body0 = first.json();
      const enabled = sim.admin.listWarehouses().filter((w) => w.is_disabled === 0);
      assert.equal(body0.code, 0);
      assert.equal(body0.message, '');
      assert.equal(body0.total_count, enabled.length);
      assert.equal(body0.warehouses.length, 50);
      assert.equal(typeof body0.warehouses[0].warehouse_id, 'string');
      assert.equal(typeof body0.warehouses[0].is_disabled, 'number');
      const body1 = (await openapi({ page_no: '1', page_size: '50' })).json();
      assert.equal('total_count' in body1, false);
      assert.equal(body1.warehouses[0].warehouse_no, enabled[50]!.warehouse_no);
    });

    it('defaults to page_size 40 and rejects sizes outside 1–100', async () => {
      assert.equal((await openapi()).json().warehouses.length, 40);
      const tooBig = (await openapi({ page_size: '101' })).json();
      assert.equal(tooBig.code, 100);
      assert.match(tooBig.message, /page_size/);
    });

    it('merges query-string params with the form', async () => {
      const form = openapiForm({ page_size: '5' });
      const { page_size: pageSize = '', ...rest } = form;
      const body = (await post(`${sim.openapiBaseUrl}/warehouse_query.php`, rest, `?page_size=${pageSize}`)).json();
      assert.equal(body.warehouses.length, 5);
    });

    it('rejects a wrong secret, an unknown appkey, a stale timestamp and a missing sign', async () => {
      const c = sim.credentials;
      const params = { sid: c.sid, appkey: c.appkey, timestamp: String(NOW.getTime() / 1000) };
      const wrong = await post(`${sim.openapiBaseUrl}/warehouse_query.php`, { ...params, sign: signOpenapi(params, 'nope') });
      assert.deepEqual(wrong.json(), { code: 2030, message: '签名错误' });
      assert.equal((await openapi({}, { appkey: 'other' })).json().code, 2060);
      assert.equal((await openapi({}, { timestamp: String(NOW.getTime() / 1000 - 301) })).json().code, 2040);
      assert.equal((await openapi({}, { timestamp: String(NOW.getTime() / 1000 + 299) })).json().code, 0);
      assert.equal((await post(`${sim.openapiBaseUrl}/warehouse_query.php`, params)).json().message, '缺少参数: sign');
    });

    it('verifies with character lengths; byte lengths only when allowed', async () => {
      const first = sim.admin.listWarehouses()[0]!;
      sim.admin.editWarehouse(first.warehouse_no, { warehouse_no: '仓库A' });
      const url = `${sim.openapiBaseUrl}/warehouse_query.php`;
      assert.equal((await post(url, openapiForm({ warehouse_no: '仓库A' }))).json().warehouses.length, 1);
      assert.equal((await post(url, openapiForm({ warehouse_no: '仓库A' }, {}, 'bytes'))).json().code, 2030);
      const lenient = await startWdtSimulator({ warehouses: 1, acceptByteLengthSignatures: true, now: () => NOW });
      try {
        const c = lenient.credentials;
        const params = { sid: c.sid, appkey: c.appkey, timestamp: String(NOW.getTime() / 1000), warehouse_no: '仓库A' };
        for (const unit of ['characters', 'bytes'] as const) {
          const body = (
            await post(`${lenient.openapiBaseUrl}/warehouse_query.php`, { ...params, sign: signOpenapi(params, c.appsecret, unit) })
          ).json();
          assert.equal(body.code, 0, unit);
        }
      } finally {
        await lenient.stop();
      }
    });

    it('filters by warehouse_no, type and is_disabled', async () => {
      const all = sim.admin.listWarehouses();
      const target = all.find((w) => w.is_disabled === 0)!;
      assert.deepEqual((await openapi({ warehouse_no: target.warehouse_no })).json().warehouses, [target]);
      const disabled = (await openapi({ is_disabled: '1', page_size: '100' })).json();
      assert.equal(disabled.total_count, all.filter((w) => w.is_disabled === 1).length);
      const ones = (await openapi({ type: '1', page_size: '100' })).json();
      assert.ok(ones.warehouses.every((w: { type: number }) => w.type === 1));
    });
  });

  describe('企业奇门 /router/qm', () => {
    it('answers inside response with errorcode, for both method names, by POST or GET', async () => {
      const body = (await qimen({ page_no: '0', page_size: '10' })).json();
      assert.equal(body.response.errorcode, 0);
      assert.equal(body.response.warehouses.length, 10);
      assert.ok(body.response.total_count > 10);
      const query = new URLSearchParams(qimenParams({ page_size: '3' }, { method: 'hu3cgwt0tc.wdt.warehouse.query', sign_method: 'hmac' }));
      const res = await fetch(`${sim.qimenUrl}?${query}`);
      assert.equal(((await res.json()) as { response: { warehouses: unknown[] } }).response.warehouses.length, 3);
    });

    it('rejects a wrong secret, app key, target app, method, stale timestamp and unknown sid', async () => {
      const wrongSecret = (await post(sim.qimenUrl, qimenParams({}, {}, 'nope'))).json();
      assert.deepEqual(wrongSecret.response, {
        flag: 'failure',
        code: 'sign-check-failure',
        message: 'Illegal request',
        sub_code: 'isv.invalid-signature',
        sub_message: 'Invalid signature',
      });
      assert.equal((await qimen({}, { app_key: 'x' })).json().response.code, '29');
      assert.equal((await qimen({}, { target_app_key: '1' })).json().response.sub_code, 'isv.invalid-target-app-key');
      assert.equal((await qimen({}, { method: 'wdt.trade.query' })).json().response.code, '22');
      assert.equal((await qimen({}, { timestamp: beijingTime(new Date(NOW.getTime() - 601_000)) })).json().response.code, '31');
      assert.equal((await qimen({}, { timestamp: beijingTime(new Date(NOW.getTime() + 540_000)) })).json().response.errorcode, 0);
      assert.equal((await qimen({}, { sid: 'someone-else' })).json().response.errorcode, 2060);
    });
  });

  describe('faults', () => {
    it('rate-limits the next N calls with the 1012 reply', async () => {
      sim.admin.rateLimitNext(2);
      assert.deepEqual((await openapi()).json(), { code: 1012, message: '系统调用频繁，旺店通1分钟最多60次' });
      assert.equal((await qimen()).json().response.errorcode, 1012);
      assert.equal((await openapi()).json().code, 0);
    });

    it('answers HTTP 500 for the next N calls', async () => {
      sim.admin.failNext(1);
      assert.equal((await openapi()).status, 500);
      assert.equal((await openapi()).status, 200);
    });

    it('breaks page k with invalid JSON', async () => {
      sim.admin.malformedPage(1);
      assert.equal((await openapi({ page_no: '0' })).json().code, 0);
      const broken = (await openapi({ page_no: '1' })).text;
      assert.throws(() => JSON.parse(broken));
      assert.equal((await openapi({ page_no: '1' })).json().code, 0);
    });

    it('inserts a row at the front once page 0 has been served', async () => {
      sim.admin.shiftRowsDuringPull();
      const page0 = (await openapi({ page_size: '10' })).json();
      const page1 = (await openapi({ page_no: '1', page_size: '10' })).json();
      assert.equal(page1.warehouses[0].warehouse_no, page0.warehouses[9].warehouse_no, 'the last row of page 0 slid onto page 1');
      assert.equal(sim.admin.listWarehouses().length, 121);
    });

    it('slows pages down', async () => {
      sim.admin.slowPages(150);
      const started = Date.now();
      await openapi();
      assert.ok(Date.now() - started >= 140);
    });

    it('can enforce a real per-minute quota', async () => {
      const limited = await startWdtSimulator({ warehouses: 1, callsPerMinute: 2, now: () => NOW });
      try {
        const c = limited.credentials;
        const params = { sid: c.sid, appkey: c.appkey, timestamp: String(NOW.getTime() / 1000) };
        const form = { ...params, sign: signOpenapi(params, c.appsecret) };
        const codes: unknown[] = [];
        for (let i = 0; i < 3; i++) codes.push((await post(`${limited.openapiBaseUrl}/warehouse_query.php`, form)).json().code);
        assert.deepEqual(codes, [0, 0, 1012]);
      } finally {
        await limited.stop();
      }
    });
  });

  describe('admin HTTP API', () => {
    const admin = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${sim.url}/__admin${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };

    it('lists, adds, edits, disables, deletes and resets warehouses', async () => {
      assert.equal((await admin('GET', '/warehouses')).body.length, 120);
      const added = await admin('POST', '/warehouses', { warehouse_no: 'NEW-1', name: '上海青浦新仓', position: 'front' });
      assert.equal(added.status, 201);
      assert.equal(added.body.modified, beijingTime(NOW));
      assert.equal((await admin('GET', '/warehouses')).body[0].warehouse_no, 'NEW-1');
      assert.equal((await admin('POST', '/warehouses', { warehouse_no: 'NEW-1' })).status, 409);
      assert.equal((await admin('PATCH', '/warehouses/NEW-1', { name: '上海青浦新仓2' })).body.name, '上海青浦新仓2');
      assert.equal((await admin('POST', '/warehouses/NEW-1/disable')).body.is_disabled, 1);
      assert.equal((await admin('DELETE', '/warehouses/NEW-1')).status, 204);
      assert.equal((await admin('GET', '/warehouses/NEW-1')).status, 404);
      assert.equal((await admin('PATCH', '/warehouses/x', '{')).status, 400, 'a body that is not a JSON object');
      await admin('POST', '/reset', { warehouses: 5 });
      assert.equal((await admin('GET', '/warehouses')).body.length, 5);
    });

    it('sets and clears faults and shows the call log', async () => {
      assert.equal((await admin('POST', '/faults', { rateLimitNext: 1 })).body.rateLimitNext, 1);
      await openapi();
      const calls = (await admin('GET', '/calls')).body;
      assert.equal(calls.count, 1);
      assert.equal(calls.calls[0].outcome, '1012');
      await admin('POST', '/faults', { serverErrorNext: 3 });
      await admin('DELETE', '/faults');
      assert.equal((await admin('GET', '/faults')).body.serverErrorNext, 0);
      assert.equal((await admin('GET', '/nope')).status, 404);
    });

    it('keeps a changed modified time only when something changed', async () => {
      const w = sim.admin.listWarehouses()[3]!;
      assert.equal(sim.admin.editWarehouse(w.warehouse_no, { name: w.name }).modified, w.modified);
      assert.equal(sim.admin.editWarehouse(w.warehouse_no, { name: `${w.name}X` }).modified, beijingTime(NOW));
    });
  });
});
