import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runChaos } from './support/chaos';
import { SeededRandom } from './support/seeded-random';

/** The chaos benchmark's short version (`npm run bench -- chaos` runs 20 cycles on 1,000 warehouses). */
describe('faults: chaos, 3 SIGKILL-and-restart cycles at seeded random points', { timeout: 600_000 }, () => {
  it('loses nothing, duplicates nothing, and still delivers a later edit', async (t) => {
    const { seed } = SeededRandom.fromEnv();
    const result = await runChaos({ cycles: 3, warehouses: 200, seed, log: (line) => t.diagnostic(line) });
    t.diagnostic(JSON.stringify(result));
    const rerun = `[seed ${seed}: rerun with FAULT_SEED=${seed}]`;
    assert.equal(result.faultsInjected, 3);
    assert.equal(result.recordsLost, 0, `records lost ${rerun}`);
    assert.equal(result.duplicatesCreated, 0, `duplicates created ${rerun}`);
    assert.deepEqual(result.violations, [], `invariants broken ${rerun}:\n- ${result.violations.join('\n- ')}`);
    assert.ok(result.laterEditDelivered, `a later WDT edit was not delivered ${rerun}`);
  });
});
