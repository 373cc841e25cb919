import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFlags, runKingdeeSimulatorCli } from './cli';
import { FORM, loginCookie, rawPost, stock } from './sim-test-client';

describe('mdm sim kingdee', () => {
  it('starts on the given port and prints the settings that point the hub at it', async () => {
    const lines: string[] = [];
    const sim = await runKingdeeSimulatorCli(['--port', '0', '--host=127.0.0.1'], { log: (l) => lines.push(l) });
    try {
      assert.match(lines[0]!, /^Kingdee K\/3 Cloud simulator listening on http:\/\/127\.0\.0\.1:\d+\/k3cloud\//);
      assert.ok(lines.some((l) => l.includes(`KINGDEE_BASE_URL=${sim.url} KINGDEE_ACCT_ID=${sim.user.acctId}`)));
      const session = await loginCookie(sim.url, sim.user);
      assert.equal(
        (await rawPost(sim.url, `${FORM}.BatchSave`, { formid: 'BD_STOCK', data: { Model: [stock('CLI1')] } }, session)).json.Result
          .ResponseStatus.IsSuccess,
        true,
      );
    } finally {
      await sim.stop();
    }
  });

  it('rejects unknown or malformed flags with one clear line', () => {
    assert.deepEqual(parseFlags(['--port=4002', '--session-idle', '90s']), { port: 4002, sessionIdleMs: 90_000 });
    assert.throws(() => parseFlags(['--prot', '1']), /unknown option --prot/);
    assert.throws(() => parseFlags(['--port', 'x']), /--port must be a whole number/);
    assert.throws(() => parseFlags(['--session-idle', 'soon']), /--session-idle must look like 20m/);
  });
});
