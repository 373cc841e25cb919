import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { WdtSimulator, startWdtSimulator } from '../../simulators/wdt';
import { CallBudget } from './call-budget';
import { openapiProtocol } from './openapi-protocol';
import { qimenProtocol } from './qimen-protocol';
import { WdtClient } from './wdt-client';
import { WdtError, WdtErrorCode } from './wdt-error';
import { WdtProtocol } from './wdt-protocol';

let sim: WdtSimulator;

const variants: Record<'openapi' | 'qimen', (secret?: string) => WdtProtocol> = {
  openapi: (secret = sim.credentials.appsecret) =>
    openapiProtocol({ baseUrl: sim.openapiBaseUrl, sid: sim.credentials.sid, appkey: sim.credentials.appkey, appsecret: secret }),
  qimen: (secret = sim.credentials.qimenSecret) =>
    qimenProtocol({ url: sim.qimenUrl, appKey: sim.credentials.qimenAppKey, secret, targetAppKey: '21363512', sid: sim.credentials.sid }),
};

function clientFor(protocol: WdtProtocol, pageSize = 20) {
  const sleeps: number[] = [];
  const client = new WdtClient(protocol, {
    pageSize,
    budget: new CallBudget(100_000),
    sleep: async (ms) => void sleeps.push(ms),
    retry: { baseDelayMs: 1, rateLimitDelayMs: 1 },
  });
  return { client, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<WdtError> {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WdtError, String(error));
  return error;
}

for (const [variant, protocolFor] of Object.entries(variants)) {
  describe(`WdtClient ↔ simulator (${variant})`, () => {
    before(async () => {
      sim = await startWdtSimulator({ warehouses: 95, seed: 11 });
    });
    after(() => sim.stop());
    beforeEach(() => sim.admin.reset());

    it('pulls every enabled warehouse, then the disabled ones, decoded', async () => {
      const { client } = clientFor(protocolFor());
      const all = sim.admin.listWarehouses();
      const enabled = await client.fetchAll({ isDisabled: false });
      assert.deepEqual(
        enabled.warehouses.map((w) => w.warehouseNo),
        all.filter((w) => w.is_disabled === 0).map((w) => w.warehouse_no),
      );
      assert.equal(enabled.totalCount, enabled.warehouses.length);
      assert.equal(enabled.pages, Math.ceil(enabled.warehouses.length / 20));
      const disabled = await client.fetchAll({ isDisabled: true });
      assert.ok(disabled.warehouses.length > 0 && disabled.warehouses.every((w) => w.isDisabled === true));
      const sample = enabled.warehouses[0]!;
      assert.equal(sample.name, all[0]!.name);
      assert.equal(typeof sample.coordinatesX, 'number');
      assert.equal(sample.raw.warehouse_id, all[0]!.warehouse_id);
    });

    it('fails once with one clear line on a wrong secret', async () => {
      const wrong = `wrong-${variant}-secret`;
      const error = await failure(clientFor(protocolFor(wrong)).client.fetchAll());
      assert.equal(error.reason, WdtErrorCode.credentials);
      assert.match(error.message, /^WDT rejected the credentials or signature on page 0 \(.+\): check .+$/);
      assert.ok(!error.message.includes(wrong));
      assert.equal(sim.admin.calls().length, 1, 'not retried');
    });

    it('rides out a rate-limit reply mid-run', async () => {
      const { client, sleeps } = clientFor(protocolFor());
      const seen: string[] = [];
      for await (const page of client.pages()) {
        if (page.pageNo === 1) sim.admin.rateLimitNext(1);
        seen.push(...page.warehouses.map((w) => w.warehouseNo));
      }
      assert.equal(seen.length, sim.admin.listWarehouses().filter((w) => w.is_disabled === 0).length);
      assert.equal(sleeps.length, 1);
      assert.deepEqual(
        sim.admin
          .calls()
          .map((c) => c.outcome)
          .filter((o) => o !== 'ok'),
        ['1012'],
      );
    });

    it('retries HTTP 5xx', async () => {
      sim.admin.failNext(2, 503);
      const { client, sleeps } = clientFor(protocolFor());
      assert.ok((await client.fetchAll()).warehouses.length > 0);
      assert.equal(sleeps.length, 2);
    });

    it('fails on a malformed page, naming it', async () => {
      sim.admin.malformedPage(2, 99);
      const error = await failure(clientFor(protocolFor()).client.fetchAll());
      assert.equal(error.reason, WdtErrorCode.malformedResponse);
      assert.match(error.message, /^WDT sent a malformed reply on page 2: not valid JSON/);
    });

    it('reports clock skew as such', async () => {
      const skewed = await startWdtSimulator({ warehouses: 1, now: () => new Date(Date.now() + 11 * 60_000) });
      const previous = sim;
      sim = skewed;
      try {
        const error = await failure(clientFor(protocolFor()).client.fetchPage(0));
        assert.equal(error.reason, WdtErrorCode.timestampSkew);
      } finally {
        sim = previous;
        await skewed.stop();
      }
    });
  });
}
