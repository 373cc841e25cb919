import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CallBudget } from './call-budget';
import { FetchFn } from './http-call';
import { openapiProtocol } from './openapi-protocol';
import { qimenProtocol } from './qimen-protocol';
import { signOpenapi } from '../../shared/wdt-signing/openapi-signature';
import { signQimen } from '../../shared/wdt-signing/qimen-signature';
import { WdtClient, WdtClientOptions } from './wdt-client';
import { AWKWARD_SECRETS } from '../../shared/secrets/awkward-secrets';
import { WdtError, WdtErrorCode } from './wdt-error';

const SECRET = 'unit-test-appsecret-9f3a';
const protocol = openapiProtocol({ baseUrl: 'http://wdt.test/openapi2/', sid: 'sid1', appkey: 'key1', appsecret: SECRET });
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ warehouse_no: `WH${from + i}`, name: `仓${from + i}` }));

type Reply = { status?: number; body: unknown };
/** A fetch that answers from a script and records the forms it was sent. */
function scriptedFetch(replies: Array<Reply | ((form: URLSearchParams) => Reply)>) {
  const forms: URLSearchParams[] = [];
  const fn: FetchFn = async (_url, init) => {
    const form = new URLSearchParams(String(init?.body));
    forms.push(form);
    const next = replies.shift();
    if (!next) throw new Error('no more scripted replies');
    const reply = typeof next === 'function' ? next(form) : next;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(body, { status: reply.status ?? 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
  };
  return { fn, forms };
}

const page = (list: unknown[], total?: number) => ({
  body: { code: 0, message: '', ...(total === undefined ? {} : { total_count: total }), warehouses: list },
});

function client(fetchFn: FetchFn, options: WdtClientOptions = {}, p = protocol) {
  const sleeps: number[] = [];
  const c = new WdtClient(p, {
    pageSize: 50,
    fetch: fetchFn,
    budget: new CallBudget(100_000),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    now: () => new Date('2026-11-28T10:00:00Z'),
    ...options,
  });
  return { c, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<WdtError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WdtError, `expected a WdtError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a failure');
}

describe('WdtClient paging', () => {
  it('reads an exactly-full last page without an extra call', async () => {
    const { fn, forms } = scriptedFetch([page(rows(50), 100), page(rows(50, 50))]);
    const result = await client(fn).c.fetchAll();
    assert.equal(result.warehouses.length, 100);
    assert.deepEqual(
      forms.map((f) => f.get('page_no')),
      ['0', '1'],
    );
    assert.equal(result.totalCount, 100);
  });

  it('makes one call for an empty result', async () => {
    const { fn, forms } = scriptedFetch([page([], 0)]);
    assert.deepEqual((await client(fn).c.fetchAll()).warehouses, []);
    assert.equal(forms.length, 1);
  });

  it('tolerates an empty success without a warehouses list', async () => {
    const { fn } = scriptedFetch([{ body: { code: 0, message: '', total_count: 0 } }]);
    assert.equal((await client(fn).c.fetchAll()).pages, 1);
  });

  it('remembers total_count from page 0 (later pages carry none)', async () => {
    const { fn } = scriptedFetch([page(rows(50), 120), page(rows(50, 50)), page(rows(20, 100))]);
    const seen: Array<number | undefined> = [];
    for await (const p of client(fn).c.pages()) seen.push(p.totalCount);
    assert.deepEqual(seen, [120, undefined, undefined]);
  });

  it('reads on to an empty page when total_count is missing and the last page is full', async () => {
    const { fn, forms } = scriptedFetch([page(rows(50)), page(rows(50, 50)), page([])]);
    assert.equal((await client(fn).c.fetchAll()).warehouses.length, 100);
    assert.equal(forms.length, 3);
  });

  it('stops at a short page that reaches total_count, or when there is no total', async () => {
    const reached = scriptedFetch([page(rows(50), 53), page(rows(3, 50))]);
    assert.equal((await client(reached.fn).c.fetchAll()).warehouses.length, 53);
    assert.equal(reached.forms.length, 2);
    const noTotal = scriptedFetch([page(rows(50)), page(rows(3, 50))]);
    assert.equal((await client(noTotal.fn).c.fetchAll()).warehouses.length, 53);
    assert.equal(noTotal.forms.length, 2);
  });

  it('reads on past short pages while total_count promises more (a server capping page_size at 30)', async () => {
    const { fn, forms } = scriptedFetch([page(rows(30), 75), page(rows(30, 30)), page(rows(15, 60))]);
    assert.equal((await client(fn).c.fetchAll()).warehouses.length, 75);
    assert.equal(forms.length, 3);
  });

  it('settles a short page below total_count with one more call (a row deleted mid-pull)', async () => {
    const { fn, forms } = scriptedFetch([page(rows(50), 100), page(rows(49, 51)), page([])]);
    assert.equal((await client(fn).c.fetchAll()).warehouses.length, 99);
    assert.equal(forms.length, 3);
  });

  it('asks for 100 rows a page by default, and falls back to 30 when a Qimen gateway refuses that', async () => {
    const { fn, forms } = scriptedFetch([
      { body: { code: 100, message: 'page_size超出范围，最大30' } },
      page(rows(30), 45),
      page(rows(15, 30)),
    ]);
    const result = await client(fn, { pageSize: undefined }).c.fetchAll();
    assert.equal(result.warehouses.length, 45);
    assert.deepEqual(
      forms.map((f) => f.get('page_size')),
      ['100', '30', '30'],
    );
  });

  it('falls back to page_size 30 when WDT refuses the size on page 0', async () => {
    const fallbacks: number[] = [];
    const { fn, forms } = scriptedFetch([
      { body: { code: 100, message: 'page_size超出范围，最大30' } },
      page(rows(30), 40),
      page(rows(10, 30)),
    ]);
    const result = await client(fn, { onPageSizeFallback: (_from, to) => fallbacks.push(to) }).c.fetchAll();
    assert.equal(result.warehouses.length, 40);
    assert.deepEqual(
      forms.map((f) => f.get('page_size')),
      ['50', '30', '30'],
    );
    assert.deepEqual(fallbacks, [30]);
  });

  it('stops when a page repeats rows already returned (a server ignoring page_no)', async () => {
    const { fn, forms } = scriptedFetch([page(rows(50), 1000), page(rows(50))]);
    assert.equal((await client(fn).c.fetchAll()).warehouses.length, 100);
    assert.equal(forms.length, 2);
  });

  it('refuses page sizes outside 1–100', () => {
    const { fn } = scriptedFetch([]);
    assert.throws(() => client(fn, { pageSize: 0 }), RangeError);
    assert.throws(() => client(fn, { pageSize: 101 }), RangeError);
    assert.ok(client(fn, { pageSize: 100 }));
  });

  it('gives up on a server that never ends the list', async () => {
    const { fn } = scriptedFetch(Array.from({ length: 5 }, (_, i) => page(rows(50, i * 50))));
    const error = await failure(client(fn, { maxPages: 3 }).c.fetchAll());
    assert.match(error.message, /up to page 3/);
  });

  it('reports undecodable rows naming the page and row, and keeps the rest', async () => {
    const { fn } = scriptedFetch([page([{ warehouse_no: 'A' }, { name: '无编号' }, { warehouse_no: 'B' }], 3)]);
    const result = await client(fn).c.fetchAll();
    assert.deepEqual(
      result.warehouses.map((w) => w.warehouseNo),
      ['A', 'B'],
    );
    assert.equal(result.invalidRows[0]?.message, 'WDT row 2 on page 0 cannot be used: it has no warehouse_no');
  });
});

describe('WdtClient requests', () => {
  it('sends a signed 企业版 form with unix seconds and never the secret', async () => {
    const { fn, forms } = scriptedFetch([page([], 0)]);
    await client(fn).c.fetchPage(0, { warehouseNo: '仓库A', isDisabled: false, type: 0 });
    const form = Object.fromEntries(forms[0]!);
    assert.equal(form.timestamp, String(Date.parse('2026-11-28T10:00:00Z') / 1000));
    assert.deepEqual(Object.keys(form).sort(), [
      'appkey',
      'is_disabled',
      'page_no',
      'page_size',
      'sid',
      'sign',
      'timestamp',
      'warehouse_no',
    ]);
    const { sign, ...signed } = form;
    assert.equal(sign, signOpenapi(signed, SECRET));
    assert.ok(!forms[0]!.toString().includes(SECRET));
  });

  it('sends a signed Qimen form with GMT+8 time and reads the response envelope', async () => {
    const qimen = qimenProtocol({ url: 'http://gw.test/router/qm', appKey: 'qk', secret: SECRET, targetAppKey: '21363512', sid: 'sid1' });
    const { fn, forms } = scriptedFetch([{ body: { response: { errorcode: 0, message: '', total_count: 1, warehouses: rows(1) } } }]);
    const result = await client(fn, {}, qimen).c.fetchAll();
    assert.equal(result.warehouses[0]?.warehouseNo, 'WH0');
    const { sign, ...signed } = Object.fromEntries(forms[0]!);
    assert.equal(signed.timestamp, '2026-11-28 18:00:00');
    assert.equal(signed.method, 'wdt.warehouse.query');
    assert.equal(signed.sign_method, 'md5');
    assert.equal(sign, signQimen(signed, SECRET));
  });

  it('reads plain TOP error_response and a Qimen reply with no response as malformed', async () => {
    const qimen = qimenProtocol({ url: 'http://gw.test/router/qm', appKey: 'qk', secret: SECRET, targetAppKey: '21363512', sid: 'sid1' });
    const top = scriptedFetch([
      { body: { error_response: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count' } } },
    ]);
    const limited = await failure(client(top.fn, { retry: { rateLimitMaxAttempts: 1 } }, qimen).c.fetchPage(0));
    assert.equal(limited.reason, WdtErrorCode.rateLimited);
    const bare = scriptedFetch([{ body: { code: 0, warehouses: [] } }]);
    assert.match((await failure(client(bare.fn, {}, qimen).c.fetchPage(0))).message, /no "response" object/);
  });

  it('classifies a Qimen gateway rejection', async () => {
    const qimen = qimenProtocol({ url: 'http://gw.test/router/qm', appKey: 'qk', secret: SECRET, targetAppKey: '21363512', sid: 'sid1' });
    const { fn } = scriptedFetch([{ body: { response: { flag: 'failure', code: 'sign-check-failure', message: 'Illegal request' } } }]);
    const error = await failure(client(fn, {}, qimen).c.fetchPage(0));
    assert.equal(error.reason, WdtErrorCode.credentials);
    assert.match(error.message, /check WDT_QIMEN_APP_KEY, WDT_QIMEN_SECRET/);
  });
});

describe('WdtClient errors and retries', () => {
  it('retries HTTP 5xx with growing jittered back-off, then succeeds', async () => {
    const { fn } = scriptedFetch([{ status: 502, body: 'Bad Gateway' }, { status: 500, body: '' }, page(rows(2), 2)]);
    const { c, sleeps } = client(fn);
    assert.equal((await c.fetchPage(0)).warehouses.length, 2);
    assert.deepEqual(sleeps, [375, 750]);
  });

  it('gives up after maxAttempts outages with one clear line', async () => {
    const { fn } = scriptedFetch(Array.from({ length: 3 }, () => ({ status: 503, body: '' })));
    const error = await failure(client(fn, { retry: { maxAttempts: 3 } }).c.fetchPage(4));
    assert.equal(error.reason, WdtErrorCode.unavailable);
    assert.equal(error.message, 'WDT answered HTTP 503 on page 4');
  });

  it('backs off on a rate-limit reply and retries', async () => {
    const { fn } = scriptedFetch([{ body: { code: 1012, message: '系统调用频繁' } }, page(rows(1), 1)]);
    const { c, sleeps } = client(fn, { retry: { rateLimitDelayMs: 1000 } });
    assert.equal((await c.fetchPage(0)).warehouses.length, 1);
    assert.deepEqual(sleeps, [1125]);
  });

  it('times out a silent server', async () => {
    const hang: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const error = await failure(client(hang, { timeoutMs: 20, retry: { maxAttempts: 2 } }).c.fetchPage(2));
    assert.equal(error.reason, WdtErrorCode.unavailable);
    assert.equal(error.message, 'WDT at http://wdt.test did not answer within 20 ms on page 2');
  });

  it('names the network failure', async () => {
    const refused: FetchFn = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    const error = await failure(client(refused, { retry: { maxAttempts: 1 } }).c.fetchPage(0));
    assert.equal(error.message, 'could not reach WDT at http://wdt.test on page 0: ECONNREFUSED');
  });

  it('fails at once on malformed JSON, naming the page', async () => {
    const { fn, forms } = scriptedFetch([{ body: '{"code":0,"warehouses":[' }]);
    const error = await failure(client(fn).c.fetchPage(7));
    assert.equal(error.reason, WdtErrorCode.malformedResponse);
    assert.match(error.message, /^WDT sent a malformed reply on page 7: not valid JSON/);
    assert.equal(forms.length, 1);
  });

  it('reads a list without a code leniently, and fails on an envelope without either or with a non-list', async () => {
    const listOnly = scriptedFetch([{ body: { total_count: '1', warehouses: rows(1) } }]);
    assert.equal((await client(listOnly.fn).c.fetchPage(0)).totalCount, 1);
    const noCode = scriptedFetch([{ body: { message: 'hello' } }]);
    assert.match((await failure(client(noCode.fn).c.fetchPage(1))).message, /page 1: the reply has no "code"/);
    const notList = scriptedFetch([{ body: { code: 0, warehouses: 'x' } }]);
    assert.match((await failure(client(notList.fn).c.fetchPage(1))).message, /"warehouses" is not a list/);
  });

  it('does not retry rejected credentials', async () => {
    const { fn, forms } = scriptedFetch([{ body: { code: 2030, message: '签名错误' } }]);
    const error = await failure(client(fn).c.fetchPage(0));
    assert.equal(error.reason, WdtErrorCode.credentials);
    assert.equal(forms.length, 1);
  });

  it('maps 404 to a configuration hint', async () => {
    const { fn } = scriptedFetch([{ status: 404, body: '<html>Not Found</html>' }]);
    const error = await failure(client(fn).c.fetchPage(0));
    assert.equal(
      error.message,
      'WDT answered HTTP 404 for http://wdt.test/openapi2/warehouse_query.php on page 0: check the WDT_BASE_URL setting',
    );
  });

  it('never lets the secret into an error message, even when the server echoes it', async () => {
    const echo = (form: URLSearchParams): Reply => ({
      body: { code: 2030, message: `sign mismatch, expected with secret ${SECRET}; got ${form.toString()}` },
    });
    const { fn } = scriptedFetch([echo, { body: `not json ${SECRET}` }]);
    const { c } = client(fn);
    for (const error of [await failure(c.fetchPage(0)), await failure(c.fetchPage(0))]) {
      assert.ok(!error.message.includes(SECRET), error.message);
      assert.ok(!JSON.stringify(error.details).includes(SECRET));
      assert.ok(!String(error.stack).includes(SECRET));
    }
  });

  it('scrubs secrets with quotes, backslashes, $, Chinese and spaces in every form the server may echo them', async () => {
    for (const secret of AWKWARD_SECRETS) {
      const awkward = openapiProtocol({ baseUrl: 'http://wdt.test/openapi2/', sid: 'sid1', appkey: 'key1', appsecret: secret });
      const ascii = JSON.stringify(secret).replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const { fn } = scriptedFetch([
        { body: { code: 2030, message: `sign mismatch with secret ${secret}` } },
        { body: `not json: {"secret":${ascii}} form=${new URLSearchParams({ appsecret: secret }).toString()}` },
      ]);
      const { c } = client(fn, {}, awkward);
      for (const error of [await failure(c.fetchPage(0)), await failure(c.fetchPage(0))]) {
        for (const text of [error.message, String(error.stack), JSON.stringify(error.details) ?? '']) {
          for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
            assert.ok(!text.includes(form), `${JSON.stringify(form)} in ${text}`);
          }
        }
        assert.match(error.message, /\*\*\*/);
      }
    }
  });
});
