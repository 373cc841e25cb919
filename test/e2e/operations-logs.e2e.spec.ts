import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { configuredSecrets, loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import { createLogger } from '../../src/platform/logging/logger';
import { KingdeeSimulator, startKingdeeSimulator } from '../../src/simulators/kingdee';
import { WdtSimulator, startWdtSimulator } from '../../src/simulators/wdt';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

// Secrets as people type them: a quote, a backslash, a dollar, a space, Chinese (the JSON-escaped
// form of such a secret is what a log line holds, so a scrubber matching only the raw text leaks it).
const WDT_SECRET = 'wdt-"Se\\cret$ 仓库-7f3a';
const KINGDEE_PASSWORD = 'kd-Pass "w0rd" \\ $51b2'; // also sent as a (wrong) API key: HTTP headers carry no Chinese
const API_KEY = 'mdm-apikey-c0ffee42d00d';

/**
 * Issue 6 (logs): one WDT change followed through the whole hub — sync run, events, golden-topic
 * headers, the Kingdee save — by its correlation id, with every log line captured and searched for
 * the configured secrets (none may appear, nor on stdout/stderr).
 */
describe('logs: correlation id end to end, no secrets anywhere', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let wdt: WdtSimulator;
  let kingdee: KingdeeSimulator;
  let hub: RunningHub;
  const lines: string[] = [];
  const written: string[] = [];
  const restore: (() => void)[] = [];
  const call = async (method: string, path: string) => {
    const res = await fetch(`${hub.url}${path}`, { method, headers: { authorization: `Bearer ${API_KEY}` } });
    return (await res.json()) as any;
  };

  before(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => (
        written.push(String(chunk)),
        original(chunk as string, ...(rest as []))
      )) as typeof stream.write;
      restore.push(() => (stream.write = original));
    }
    db = await createTestDatabase('operations_logs');
    wdt = await startWdtSimulator({ port: 0, warehouses: 12, seed: 7, credentials: { appsecret: WDT_SECRET } });
    const user = { acctId: 'acct-1', username: 'mdm-api', password: KINGDEE_PASSWORD, appId: 'app-1', appSecret: 'app-secret-unused-1' };
    kingdee = await startKingdeeSimulator({ port: 0, users: [user] });
    const c = wdt.credentials;
    const config = loadConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      LOG_LEVEL: 'debug',
      WDT_POLL_INTERVAL: '0',
      WDT_CALLS_PER_MINUTE: '100000',
      WDT_BASE_URL: wdt.openapiBaseUrl,
      WDT_SID: c.sid,
      WDT_APPKEY: c.appkey,
      WDT_APPSECRET: WDT_SECRET,
      KINGDEE_BASE_URL: kingdee.url,
      KINGDEE_ACCT_ID: user.acctId,
      KINGDEE_USERNAME: user.username,
      KINGDEE_PASSWORD,
      MDM_API_KEYS: `ops:admin:${API_KEY}`,
    });
    assert.deepEqual(configuredSecrets(config).sort(), [API_KEY, KINGDEE_PASSWORD, WDT_SECRET].sort());
    const logger = createLogger({
      level: 'debug',
      secrets: configuredSecrets(config),
      destination: { write: (line: string) => void lines.push(line) },
    });
    hub = await startHub(config, { logger });
  });
  after(async () => {
    await hub?.stop();
    await Promise.all([wdt?.stop(), kingdee?.stop()]);
    await db?.close();
    restore.forEach((r) => r());
  });

  it('follows one sync run from WDT to Kingdee by its correlation id', async () => {
    const { runId } = await call('POST', '/api/v1/sync/wdt');
    const run = await waitFor(
      async () => {
        const r = await call('GET', `/api/v1/sync/wdt/runs/${runId}`);
        return r.status !== 'running' && r;
      },
      'the sync run',
      60_000,
    );
    assert.equal(run.status, 'succeeded', run.error);
    const correlationId: string = run.correlationId;
    const [{ n: events }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE metadata->>'correlationId' = $1`, [
      correlationId,
    ]);
    assert.ok(events >= 12, `events carry the run's correlation id (${events})`);
    await waitFor(async () => kingdee.admin.stocks().length >= 12, 'the sink to save the warehouses in Kingdee', 90_000);
    if (hub.config.kafka.brokers === undefined) {
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM log_messages WHERE headers->>'correlation-id' = $1`, [
        correlationId,
      ]);
      assert.ok(n >= 12, 'golden-topic messages carry it as the correlation-id header');
    }
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const mentions = (pattern: RegExp) => parsed.filter((l) => JSON.stringify(l).includes(correlationId) && pattern.test(String(l.msg)));
    assert.ok(mentions(/WDT sync (started|succeeded)/).length >= 1, 'the sync run logs it');
    await waitFor(
      () =>
        parsed
          .concat(lines.slice(parsed.length).map((l) => JSON.parse(l)))
          .some((l) => JSON.stringify(l).includes(correlationId) && l.component === 'kingdee-sink'),
      'a sink log line with the correlation id',
      30_000,
    );
  });

  it('writes structured JSON lines and never a configured secret (logs, stdout, stderr)', async () => {
    await call('GET', '/api/v1/status');
    await fetch(`${hub.url}/api/v1/status`, { headers: { authorization: `Bearer ${KINGDEE_PASSWORD}` } });
    assert.ok(lines.length > 20, `captured ${lines.length} lines`);
    for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), `not JSON: ${line}`);
    const everything = [...lines, ...written].join('\n');
    for (const secret of [WDT_SECRET, KINGDEE_PASSWORD, API_KEY]) {
      for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
        assert.equal(everything.includes(form), false, `a secret (${secret.slice(0, 3)}…) was written`);
      }
    }
  });
});
