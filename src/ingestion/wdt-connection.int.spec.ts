import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/config';
import { openWdtConnection } from './wdt-connection';

describe('openWdtConnection', () => {
  it('uses configured credentials as they are', async () => {
    const { wdt } = loadConfig({ WDT_BASE_URL: 'http://wdt.example/openapi2', WDT_SID: 's', WDT_APPKEY: 'k', WDT_APPSECRET: 'x' });
    const connection = await openWdtConnection(wdt);
    assert.equal(connection.simulator, undefined);
    assert.equal(connection.config, wdt);
  });

  it('keeps a simulator the bootstrap already started and filled in', async () => {
    const { wdt } = loadConfig({});
    const filled = { ...wdt, baseUrl: 'http://127.0.0.1:1/openapi2', sid: 's', appkey: 'k', appsecret: 'x' };
    assert.equal((await openWdtConnection(filled)).simulator, undefined);
  });

  it('starts the simulator in demo mode and points both variants at it', async () => {
    const { wdt } = loadConfig({ WDT_MODE: 'qimen' });
    const connection = await openWdtConnection(wdt);
    try {
      assert.ok(connection.simulator);
      assert.equal(connection.config.qimenUrl, connection.simulator.qimenUrl);
      assert.equal(connection.config.baseUrl, connection.simulator.openapiBaseUrl);
      assert.equal(connection.config.sid, connection.simulator.credentials.sid);
    } finally {
      await connection.simulator?.stop();
    }
  });
});
