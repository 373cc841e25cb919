import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { existingStocks } from './existing-stocks';
import type { KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';
import { sinkUnderTest } from './testing/sink-under-test';
import { FakeKingdee } from './testing/fake-kingdee';
import { consumed, golden, marketScheme } from './testing/sink-fixtures';

const recordedAs = (fStockId: string): KingdeeSyncState => ({ syncedVersion: 1, fStockId, fNumber: 'old' });

describe('create or update: existingStocks', () => {
  let scheme: IntegrationScheme;
  let kingdee: FakeKingdee;
  before(async () => {
    scheme = await marketScheme();
  });
  beforeEach(() => {
    kingdee = new FakeKingdee();
  });

  it('on a redelivery asks Kingdee for every number in one query; what Kingdee has wins over the recorded id', async () => {
    kingdee.stocks.set('A', '100010');
    const found = await existingStocks(
      kingdee,
      scheme,
      [golden('A', 2), golden('B', 2), golden('C', 2)],
      new Map([
        ['g-A', recordedAs('100001')],
        ['g-B', recordedAs('100002')],
      ]),
      { staleIds: new Set(), lookUpRecorded: true },
    );
    assert.deepEqual(kingdee.calls, [{ service: 'ExecuteBillQuery', numbers: ['A', 'B', 'C'] }]);
    assert.deepEqual(Object.fromEntries(found), { 'g-A': { fStockId: '100010' }, 'g-B': { fStockId: '100002' } });
  });

  it('first delivery: trusts the FStockIds the hub recorded and asks Kingdee only for the others, in one query', async () => {
    kingdee.stocks.set('A', '100010');
    kingdee.stocks.set('C', '100011');
    const found = await existingStocks(
      kingdee,
      scheme,
      [golden('A', 2), golden('B', 2), golden('C', 2)],
      new Map([
        ['g-A', recordedAs('100001')],
        ['g-B', recordedAs('100002')],
      ]),
      { staleIds: new Set(), lookUpRecorded: false },
    );
    assert.deepEqual(kingdee.calls, [{ service: 'ExecuteBillQuery', numbers: ['C'] }]);
    assert.deepEqual(Object.fromEntries(found), {
      'g-A': { fStockId: '100001' },
      'g-B': { fStockId: '100002' },
      'g-C': { fStockId: '100011' },
    });
  });

  it('makes no call when every record has a recorded FStockId', async () => {
    await existingStocks(kingdee, scheme, [golden('A', 2)], new Map([['g-A', recordedAs('100001')]]), {
      staleIds: new Set(),
      lookUpRecorded: false,
    });
    assert.deepEqual(kingdee.calls, []);
  });

  it('leaves out a recorded id that proved stale, so the record is created', async () => {
    const found = await existingStocks(kingdee, scheme, [golden('B', 2)], new Map([['g-B', recordedAs('100002')]]), {
      staleIds: new Set(['g-B']),
      lookUpRecorded: false,
    });
    assert.deepEqual(found, new Map());
  });

  it('an update whose FStockId is gone from Kingdee is created again in the next round', async () => {
    const { recorder, sink } = sinkUnderTest(scheme, { kingdee });
    recorder.states.set('g-A', { syncedVersion: 1, fStockId: '100099', fNumber: 'A' });
    const report = await sink.handle(consumed([golden('A', 3)]));
    assert.deepEqual([report.saved, report.updated, report.failed], [1, 0, 0]);
    assert.equal(recorder.states.get('g-A')?.fStockId, '100001');
  });
});
