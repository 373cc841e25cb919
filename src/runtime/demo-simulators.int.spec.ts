import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/config';
import { createLogger } from '../platform/logging/logger';
import { startDemoSimulators } from './demo-simulators';

const logger = createLogger({ level: 'silent', secrets: [] });

describe('demo simulators (the only place the hub starts them)', () => {
  it('without WDT credentials starts the WDT simulator and fills in both protocols’ settings; Kingdee only when asked', async () => {
    const config = loadConfig({ WDT_MODE: 'qimen' });
    const demo = await startDemoSimulators(config, logger, { kingdee: false });
    try {
      assert.ok(demo.simulators.wdt);
      const wdt = demo.config.wdt;
      assert.equal(new URL(wdt.qimenUrl!).origin, new URL(demo.simulators.wdt.url).origin);
      assert.equal(new URL(wdt.baseUrl!).origin, new URL(demo.simulators.wdt.url).origin);
      assert.ok(wdt.sid && wdt.appkey && wdt.appsecret && wdt.qimenAppKey && wdt.qimenSecret);
      assert.equal(demo.simulators.kingdee, undefined);
      assert.equal(demo.config.kingdee.baseUrl, undefined, 'an in-process CLI command leaves Kingdee unconfigured');
    } finally {
      await demo.stop();
    }
  });

  it('uses configured WDT credentials as they are', async () => {
    const config = loadConfig({ WDT_BASE_URL: 'http://wdt.example/openapi2', WDT_SID: 's', WDT_APPKEY: 'k', WDT_APPSECRET: 'x' });
    const demo = await startDemoSimulators(config, logger, { kingdee: false });
    await demo.stop();
    assert.equal(demo.simulators.wdt, undefined);
    assert.equal(demo.config.wdt, config.wdt);
  });
});
