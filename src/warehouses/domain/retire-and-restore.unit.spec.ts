import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../../../test/support/decider-spec';
import { eventsOf, foldEvents, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { RecordKingdeeSyncResult } from './commands';
import { syncFailureTaskId } from './decide-kingdee';
import { GoldenRecordRestored, GoldenRecordRetired } from './events';
import { goldenChangeOf } from './published-record';
import { warehouseDecider } from './warehouse-decider';

const spec = deciderSpec(warehouseDecider, () => meta(40, 'kingdee-sink'));
const created = eventsOf([], observe(wdtWarehouse()), meta(0));
const synced = eventsOf(created, {
  type: 'RecordKingdeeSyncResult',
  outcome: 'success',
  version: 1,
  fStockId: '100238',
  fNumber: 'SH-PD-01',
  operation: 'created',
});
const retire = { type: 'RetireGoldenRecord', reason: '仓库已关闭，WDT 已删除' } as const;
const retired = eventsOf(synced, retire, meta(10, 'li.steward'));
const retiredVersion = retired.length;
const forbidden = (version: number): RecordKingdeeSyncResult => ({
  type: 'RecordKingdeeSyncResult',
  outcome: 'forbidden',
  version,
  fStockId: '100238',
  fNumber: 'SH-PD-01',
});
const lateSuccess: RecordKingdeeSyncResult = {
  type: 'RecordKingdeeSyncResult',
  outcome: 'success',
  version: 2,
  fStockId: '100999',
  fNumber: 'SH-PD-01',
  operation: 'updated',
};

describe('retirement reaching Kingdee (forbid / not in Kingdee)', () => {
  it('records the retired version forbidden in Kingdee and closes sync failures up to it', () => {
    const failedV1 = eventsOf(created, { type: 'RecordKingdeeSyncResult', outcome: 'failure', version: 1, code: 'x', message: 'y' });
    const failedThenRetired = eventsOf(failedV1, retire);
    spec
      .given(failedThenRetired)
      .when(forbidden(failedThenRetired.length))
      .then([
        {
          type: 'KingdeeStockForbidden',
          data: { goldenId: 'wh_a', version: 3, fStockId: '100238', fNumber: 'SH-PD-01', closedTaskIds: [syncFailureTaskId('wh_a', 1)] },
        },
      ]);
    spec
      .given(retired)
      .when(forbidden(retiredVersion))
      .thenEvents((_, state) => {
        assert.deepEqual(state.kingdee, {
          syncedVersion: retiredVersion,
          fStockId: '100238',
          fNumber: 'SH-PD-01',
          failures: {},
          retirement: 'forbidden',
        });
      });
  });

  it('a record never written to Kingdee is recorded as not in Kingdee, not left pending', () => {
    const neverWritten = eventsOf(created, retire);
    spec
      .given(neverWritten)
      .when({ type: 'RecordKingdeeSyncResult', outcome: 'not-in-kingdee', version: 2 })
      .thenEvents((events, state) => {
        assert.deepEqual(events, [{ type: 'KingdeeStockAbsent', data: { goldenId: 'wh_a', version: 2, closedTaskIds: [] } }]);
        assert.equal(state.kingdee.retirement, 'absent');
        assert.equal(state.kingdee.syncedVersion, 2);
      });
  });

  it('a late KingdeeSyncSucceeded after the forbid records nothing; a repeated forbid neither', () => {
    const done = eventsOf(retired, forbidden(retiredVersion));
    spec.given(done).when(lateSuccess).then([]);
    spec.given(done).when(forbidden(retiredVersion)).then([]);
    assert.equal(foldEvents(done).kingdee.retirement, 'forbidden');
  });
});

describe('RestoreGoldenRecord', () => {
  it('un-retires a retired record: the sources decide status again and a new version is published', () => {
    const done = eventsOf(retired, forbidden(retiredVersion));
    spec
      .given(done)
      .when({ type: 'RestoreGoldenRecord', reason: '仓库重新启用' }, meta(50, 'li.steward'))
      .thenEvents((events, state) => {
        const restored = events[0] as GoldenRecordRestored;
        assert.equal(restored.type, 'GoldenRecordRestored');
        assert.deepEqual(
          restored.data.goldenChanges.map((c) => [c.field, c.old, c.new]),
          [['status', 'retired', 'active']],
        );
        assert.equal(restored.data.actor, 'li.steward');
        assert.equal(state.golden!.status, 'active');
        assert.equal(state.retiredReason, null);
        assert.deepEqual(goldenChangeOf(restored, foldEvents(done), state), { change: 'updated', changedFields: ['status'] });
        // Kingdee still holds it forbidden until the sink enables it and writes the restored version.
        assert.equal(state.kingdee.retirement, 'forbidden');
      });
  });

  it('refuses an active record, a merged-away record and an empty reason', () => {
    spec
      .given(created)
      .when({ type: 'RestoreGoldenRecord', reason: 'x' })
      .thenThrows('invalid_state', /is not retired/);
    spec.given(retired).when({ type: 'RestoreGoldenRecord', reason: '  ' }).thenThrows('validation_failed');
    const merged = [
      ...created,
      {
        type: 'GoldenRecordRetired' as const,
        data: {
          goldenId: 'wh_a',
          reason: 'merged',
          mergedInto: 'wh_b',
          taskId: null,
          goldenChanges: (retired.at(-1) as GoldenRecordRetired).data.goldenChanges,
        },
      },
    ];
    spec
      .given(merged)
      .when({ type: 'RestoreGoldenRecord', reason: 'undo' })
      .thenThrows('invalid_state', /cannot be undone/);
  });

  it('WDT listing a retired record’s warehouse again (after flagging it missing) restores it', () => {
    const missing = eventsOf(created, { type: 'FlagMissingInWdt', warehouseNo: 'SH-PD-01', syncRunId: 'run-2' });
    const retiredAfterMissing = eventsOf(missing, retire, meta(10, 'li.steward'));
    spec
      .given(retiredAfterMissing)
      .when(observe(wdtWarehouse({ name: '上海浦东仓（新）' }), 'wh_a', 'run-3'), meta(20))
      .thenEvents((events, state) => {
        assert.deepEqual(
          events.map((e) => e.type),
          ['WarehouseObservedInWdt', 'GoldenRecordRestored'],
        );
        assert.equal(state.golden!.status, 'active');
        assert.equal(state.golden!.name, '上海浦东仓（新）');
      });
  });

  it('a record retired while WDT still lists it stays retired when WDT reports a change', () => {
    spec
      .given(retired)
      .when(observe(wdtWarehouse({ name: '上海浦东仓（新）' }), 'wh_a', 'run-3'), meta(20))
      .thenEvents((events, state) => {
        assert.deepEqual(
          events.map((e) => e.type),
          ['WarehouseObservedInWdt'],
        );
        assert.equal(state.golden!.status, 'retired');
      });
  });
});
