import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventsOf, foldEvents, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { WAREHOUSE_EVENT_TYPES } from './events';
import { changesRecordVersion } from './record-version';

describe('record version', () => {
  const created = eventsOf([], observe(wdtWarehouse()), meta(0));
  const synced = eventsOf(created, {
    type: 'RecordKingdeeSyncResult',
    outcome: 'success',
    version: 1,
    fStockId: '100238',
    fNumber: 'SH-PD-01',
    operation: 'created',
  });
  const resynced = eventsOf(synced, { type: 'RequestKingdeeResync', reason: 'mdm resync kingdee', taskId: undefined });

  it('counts source changes and overrides, not the sink’s bookkeeping', () => {
    assert.equal(foldEvents(created).recordVersion, 1);
    assert.deepEqual([resynced.length, foldEvents(resynced).recordVersion], [3, 1], 'a sync result and a resync: same record version');
    const overridden = eventsOf(
      resynced,
      { type: 'OverrideField', field: 'name', value: '浦东中心仓', reason: '统一命名' },
      meta(5, 'api:sam'),
    );
    assert.equal(foldEvents(overridden).recordVersion, 2);
    const renamed = eventsOf(overridden, observe(wdtWarehouse({ name: '上海浦东新仓' })), meta(9));
    assert.equal(foldEvents(renamed).recordVersion, 3, 'a WDT change of the source counts even when the override keeps the value');
  });

  it('every event type is classified; only the Kingdee, reconciliation and duplicate-task events leave it alone', () => {
    const changing = WAREHOUSE_EVENT_TYPES.filter((t) => changesRecordVersion(t)).sort();
    assert.deepEqual(changing, [
      'FieldOverridden',
      'FieldOverrideRemoved',
      'GoldenRecordMerged',
      'GoldenRecordRestored',
      'GoldenRecordRetired',
      'WarehouseMissingInWdt',
      'WarehouseObservedInWdt',
    ]);
    assert.ok(WAREHOUSE_EVENT_TYPES.filter((t) => t.startsWith('Kingdee')).every((t) => !changesRecordVersion(t)));
  });
});
