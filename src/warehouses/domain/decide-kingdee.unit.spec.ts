import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../../../test/support/decider-spec';
import { eventsOf, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { RecordKingdeeSyncResult } from './commands';
import { syncFailureTaskId } from './decide-kingdee';
import { warehouseDecider } from './warehouse-decider';

const spec = deciderSpec(warehouseDecider, () => meta(30, 'kingdee-sink'));
const created = eventsOf([], observe(wdtWarehouse()), meta(0));
const success = (version: number): RecordKingdeeSyncResult => ({
  type: 'RecordKingdeeSyncResult',
  outcome: 'success',
  version,
  fStockId: '100238',
  fNumber: 'SH-PD-01',
  operation: 'created',
});
const failure = (version: number, message = '编码已存在'): RecordKingdeeSyncResult => ({
  type: 'RecordKingdeeSyncResult',
  outcome: 'failure',
  version,
  code: 'kingdee_rejected',
  message,
});
const taskV1 = syncFailureTaskId('wh_a', 1);

describe('RecordKingdeeSyncResult', () => {
  it('success records the Kingdee ids for the version; a repeat or an older version records nothing', () => {
    spec
      .given(created)
      .when(success(1))
      .then([
        {
          type: 'KingdeeSyncSucceeded',
          data: { goldenId: 'wh_a', version: 1, fStockId: '100238', fNumber: 'SH-PD-01', operation: 'created', closedTaskIds: [] },
        },
      ]);
    const synced = eventsOf(created, success(3));
    spec.given(synced).when(success(3)).then([]);
    spec.given(synced).when(success(2)).then([]);
    spec.given(synced).when(failure(2)).then([]);
  });

  it('a permanent failure opens a task once per version; the same failure again records nothing', () => {
    spec
      .given(created)
      .when(failure(1))
      .then([
        {
          type: 'KingdeeSyncFailed',
          data: { goldenId: 'wh_a', version: 1, code: 'kingdee_rejected', message: '编码已存在', taskId: taskV1 },
        },
      ]);
    const failed = eventsOf(created, failure(1));
    spec.given(failed).when(failure(1)).then([]);
    spec
      .given(failed)
      .when(failure(1, '另一个原因'))
      .thenEvents((events) => assert.equal(events.length, 1));
  });

  it('a later success closes the failure tasks of the versions it covers', () => {
    const failed = eventsOf(created, failure(1));
    spec
      .given(failed)
      .when(success(2))
      .thenEvents((events, state) => {
        assert.ok(events[0]?.type === 'KingdeeSyncSucceeded');
        assert.deepEqual(events[0].data.closedTaskIds, [taskV1]);
        assert.equal(state.kingdee.failures[taskV1]?.open, false);
        assert.equal(state.kingdee.fStockId, '100238');
      });
  });
});

describe('RequestKingdeeResync', () => {
  it('asks for a rewrite and resolves the failure task it names', () => {
    const failed = eventsOf(created, failure(1));
    spec
      .given(failed)
      .when({ type: 'RequestKingdeeResync', reason: '已在金蝶删除重复编码', taskId: taskV1 })
      .thenEvents((events, state) => {
        assert.deepEqual(events, [
          { type: 'KingdeeResyncRequested', data: { goldenId: 'wh_a', reason: '已在金蝶删除重复编码', taskId: taskV1 } },
        ]);
        assert.equal(state.kingdee.failures[taskV1]?.open, false);
      });
    const retried = eventsOf(failed, { type: 'RequestKingdeeResync', reason: 'retry', taskId: taskV1 });
    spec.given(retried).when({ type: 'RequestKingdeeResync', reason: 'retry', taskId: taskV1 }).thenThrows('invalid_state');
  });

  it('without a task, just requests a resync; retired records are not resynced', () => {
    spec
      .given(created)
      .when({ type: 'RequestKingdeeResync', reason: 'mdm resync kingdee' })
      .then([{ type: 'KingdeeResyncRequested', data: { goldenId: 'wh_a', reason: 'mdm resync kingdee', taskId: null } }]);
    const retired = eventsOf(created, { type: 'RetireGoldenRecord', reason: '关闭' });
    spec.given(retired).when({ type: 'RequestKingdeeResync', reason: 'x' }).thenThrows('invalid_state');
    spec.given([]).when({ type: 'RequestKingdeeResync', reason: 'x' }).thenThrows('not_found');
  });
});
