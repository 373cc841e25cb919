import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configuredSecrets, ConfigError, duration, loadConfig, redactConfig } from './config';

describe('config', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.database.url, undefined);
    assert.equal(config.kafka.brokers, undefined);
    assert.equal(config.wdt.simulated, true);
    assert.equal(config.kingdee.simulated, true);
    assert.equal(config.wdt.pageSize, 100);
    assert.equal(config.wdt.pollIntervalMs, 15 * 60_000);
    assert.equal(config.wdt.missingMaxShare, 0.2);
    assert.equal(loadConfig({ WDT_MISSING_MAX_SHARE: '35%' }).wdt.missingMaxShare, 0.35);
    assert.equal(loadConfig({ WDT_MISSING_MAX_SHARE: '0.5' }).wdt.missingMaxShare, 0.5);
    assert.equal(config.kingdee.batchSize, 50);
    assert.equal(config.kingdee.lookup, 'in-list');
    assert.equal(config.kingdee.concurrency, 2);
    assert.equal(config.kafka.topicGolden, 'mdm.warehouse.golden.v1');
    assert.equal(config.http.port, 3000);
  });

  it('fails with one line naming the variable', () => {
    assert.throws(
      () => loadConfig({ WDT_PAGE_SIZE: '101' }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'WDT_PAGE_SIZE' && /between 1 and 100/.test(e.message),
    );
    assert.throws(() => loadConfig({ WDT_POLL_INTERVAL: 'often' }), /WDT_POLL_INTERVAL/);
    assert.throws(() => loadConfig({ WDT_MISSING_MAX_SHARE: '1.5' }), /WDT_MISSING_MAX_SHARE/);
    assert.throws(() => loadConfig({ WDT_MISSING_MAX_SHARE: 'lots' }), /WDT_MISSING_MAX_SHARE/);
    assert.throws(() => loadConfig({ WDT_BASE_URL: 'http://x/openapi2' }), /WDT_SID is required/);
    assert.throws(
      () => loadConfig({ KINGDEE_BASE_URL: 'http://k/k3cloud/', KINGDEE_ACCT_ID: 'a', KINGDEE_USERNAME: 'u' }),
      /KINGDEE_PASSWORD/,
    );
    assert.throws(() => loadConfig({ MDM_API_KEYS: 'ops:root:abc' }), /MDM_API_KEYS/);
  });

  it('derives the rebalance timeout from the Kingdee timeout, and refuses one below it', () => {
    const defaults = loadConfig({});
    assert.deepEqual(
      [defaults.kingdee.timeoutMs, defaults.kafka.sessionTimeoutMs, defaults.kafka.rebalanceTimeoutMs],
      [120_000, 30_000, 150_000],
    );
    const slow = loadConfig({ KINGDEE_TIMEOUT: '5m', KAFKA_SESSION_TIMEOUT: '45s' });
    assert.deepEqual([slow.kafka.sessionTimeoutMs, slow.kafka.rebalanceTimeoutMs], [45_000, 330_000]);
    assert.throws(
      () => loadConfig({ KAFKA_REBALANCE_TIMEOUT: '60s' }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'KAFKA_REBALANCE_TIMEOUT' && /longer than KINGDEE_TIMEOUT/.test(e.message),
    );
  });

  it('parses durations', () => {
    assert.equal(duration('0', 'X'), 0);
    assert.equal(duration('30s', 'X'), 30_000);
    assert.equal(duration('2h', 'X'), 7_200_000);
  });

  it('never prints secrets', () => {
    const config = loadConfig({
      WDT_BASE_URL: 'http://wdt/openapi2',
      WDT_SID: 's',
      WDT_APPKEY: 'k',
      WDT_APPSECRET: 'wdt-secret-1',
      KINGDEE_BASE_URL: 'http://k/k3cloud',
      KINGDEE_ACCT_ID: 'a',
      KINGDEE_USERNAME: 'u',
      KINGDEE_PASSWORD: 'kd-pass-2',
      DATABASE_URL: 'postgres://u:db-pass-3@h/db',
      MDM_API_KEYS: 'ops:admin:key-4',
    });
    assert.equal(config.kingdee.baseUrl, 'http://k/k3cloud/');
    const printed = JSON.stringify(redactConfig(config));
    for (const secret of ['wdt-secret-1', 'kd-pass-2', 'db-pass-3', 'key-4']) {
      assert.ok(configuredSecrets(config).includes(secret));
      assert.ok(!printed.includes(secret), `${secret} printed`);
    }
  });
});
