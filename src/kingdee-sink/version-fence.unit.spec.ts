import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { renderBatchSaveBodies } from '../schemes/render-batch-save';
import { FakeKingdee } from './testing/fake-kingdee';
import { consumed, golden, marketScheme } from './testing/sink-fixtures';
import { sinkUnderTest } from './testing/sink-under-test';
import { withoutSyncedVersions } from './version-fence';

describe('the re-check of synced versions right before each BatchSave', () => {
  let scheme: IntegrationScheme;
  before(async () => {
    scheme = await marketScheme();
  });

  it('takes out records recorded at this or a newer version, keeping Model and entries aligned', () => {
    const [batch] = renderBatchSaveBodies(scheme, [golden('A', 5), golden('B', 2), golden('C', 3)], new Map()).batches;
    const state = (v: number) => ({ syncedVersion: v, fStockId: '1', fNumber: 'x' });
    const fenced = withoutSyncedVersions(
      batch!,
      new Map([
        ['g-A', state(6)],
        ['g-B', state(1)],
        ['g-C', state(3)],
      ]),
    );
    assert.deepEqual(
      fenced.batch?.entries.map((e) => [e.goldenId, e.version]),
      [['g-B', 2]],
    );
    assert.deepEqual(
      fenced.batch?.body.data.Model.map((m) => m.FNumber),
      ['B'],
    );
    assert.deepEqual(
      fenced.skipped.map((s) => [s.goldenId, s.version, s.reason]),
      [
        ['g-A', 5, 'already-synced'],
        ['g-C', 3, 'already-synced'],
      ],
    );
    assert.equal(
      withoutSyncedVersions(
        batch!,
        new Map([
          ['g-A', state(5)],
          ['g-B', state(2)],
          ['g-C', state(9)],
        ]),
      ).batch,
      undefined,
    );
  });

  it('never sends an older version after another member recorded a newer one while this batch was planned', async () => {
    const kingdee = new FakeKingdee();
    const { recorder, sink } = sinkUnderTest(scheme, { kingdee });
    // The look-up comes after the batch was planned: that is when the new owner's v6 of A lands.
    const lookUp = kingdee.findStocks.bind(kingdee);
    kingdee.findStocks = async (numbers, useOrg) => {
      recorder.states.set('g-A', { syncedVersion: 6, fStockId: '100099', fNumber: 'A' });
      return lookUp(numbers, useOrg);
    };
    const report = await sink.handle(consumed([golden('A', 5, { name: 'old name' }), golden('B')]));
    const saves = kingdee.calls.filter((c) => c.service === 'BatchSave');
    assert.deepEqual(
      saves.map((c) => c.numbers),
      [['B']],
      'only B goes to Kingdee',
    );
    assert.deepEqual([report.saved, report.skipped, report.skippedBy], [1, 1, { 'already-synced': 1 }]);
    assert.deepEqual(
      recorder.successes.map((s) => [s.goldenId, s.version]),
      [['g-B', 1]],
    );
  });
});
