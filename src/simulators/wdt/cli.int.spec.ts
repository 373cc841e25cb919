import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFlags, runWdtSimulatorCli } from './cli';

describe('mdm sim wdt (runWdtSimulatorCli)', () => {
  it('starts the simulator and prints its URLs and the settings to use', async () => {
    const lines: string[] = [];
    const sim = await runWdtSimulatorCli(['--port', '0', '--warehouses=7', '--seed', '3'], { log: (line) => lines.push(line) });
    try {
      assert.equal(sim.admin.listWarehouses().length, 7);
      const text = lines.join('\n');
      assert.match(text, new RegExp(`WDT simulator listening on ${sim.url} \\(7 warehouses\\)`));
      assert.ok(
        text.includes(
          `WDT_MODE=openapi WDT_BASE_URL=${sim.openapiBaseUrl} WDT_SID=sim-seller WDT_APPKEY=sim-appkey WDT_APPSECRET=sim-appsecret`,
        ),
      );
      assert.ok(text.includes(`WDT_MODE=qimen WDT_QIMEN_URL=${sim.qimenUrl}`));
    } finally {
      await sim.stop();
    }
  });

  it('refuses unknown options and bad numbers with one line', () => {
    assert.throws(() => parseFlags(['--verbose']), /^Error: mdm sim wdt: unknown option --verbose/);
    assert.throws(() => parseFlags(['--port', 'x']), /--port must be a whole number from 0 to 65535, got "x"/);
    assert.deepEqual(parseFlags(['--accept-byte-lengths', '--host', '0.0.0.0']), { acceptByteLengths: true, host: '0.0.0.0' });
  });
});
