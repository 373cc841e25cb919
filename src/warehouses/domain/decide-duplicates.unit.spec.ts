import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../../../test/support/decider-spec';
import { eventsOf, foldEvents, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { ResolveDuplicate } from './commands';
import { duplicateTaskId } from './decide-observation';
import { GoldenRecordMerged } from './events';
import { MatchProfile } from './matching';
import { warehouseDecider } from './warehouse-decider';

const spec = deciderSpec(warehouseDecider, () => meta(20, 'li.steward'));
// wh_b exists first (no contact); wh_a arrives later, is suspected to duplicate wh_b, and has a contact.
const b = eventsOf(
  [],
  observe(wdtWarehouse({ warehouseNo: 'SHPD1', warehouseId: '202', name: '上海浦东仓库', contact: undefined }), 'wh_b'),
  meta(0),
);
const bProfile: MatchProfile = {
  goldenId: 'wh_b',
  warehouseNo: 'SHPD1',
  name: '上海浦东仓库',
  address: '川沙路5188号',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
};
const a = eventsOf([], observe(wdtWarehouse(), 'wh_a', 'run-1', [bProfile]), meta(1));
const taskId = duplicateTaskId('wh_a', 'wh_b');
const resolve = (action: 'merge' | 'dismiss', other: typeof a, survivorId?: string): ResolveDuplicate => ({
  type: 'ResolveDuplicate',
  taskId,
  action,
  survivorId,
  other: foldEvents(other),
  reason: '同一仓库',
});

describe('ResolveDuplicate', () => {
  it('merge: the survivor takes over the other source keys and fills its gaps from them', () => {
    spec
      .given(b)
      .when(resolve('merge', a, 'wh_b'))
      .thenEvents((events, state) => {
        assert.equal(events.length, 1);
        const merged = events[0] as GoldenRecordMerged;
        assert.equal(merged.type, 'GoldenRecordMerged');
        assert.equal(merged.data.mergedGoldenId, 'wh_a');
        assert.deepEqual(merged.data.sourceKeys, [{ system: 'wdt', key: 'SH-PD-01' }]);
        assert.deepEqual(
          merged.data.goldenChanges.map((c) => [c.field, c.new, c.rule]),
          [['contact', '张伟', 'sourcePriority']],
        );
        assert.equal(state.golden?.name, '上海浦东仓库', 'the survivor keeps its own values');
        assert.equal(state.golden?.warehouseNo, 'SHPD1');
        assert.equal(Object.keys(state.sources).length, 2);
      });
  });

  it('merge: the other record is retired and points at the survivor; its task closes', () => {
    spec
      .given(a)
      .when(resolve('merge', b, 'wh_b'))
      .thenEvents((events, state) => {
        assert.deepEqual(events, [
          {
            type: 'GoldenRecordRetired',
            data: {
              goldenId: 'wh_a',
              reason: 'merged into wh_b as a duplicate: 同一仓库',
              mergedInto: 'wh_b',
              taskId,
              goldenChanges: [
                { field: 'status', old: 'active', new: 'retired', source: { system: 'steward', key: 'li.steward' }, rule: 'retirement' },
              ],
            },
          },
        ]);
        assert.equal(state.mergedInto, 'wh_b');
        assert.equal(state.duplicateTasks[taskId]?.status, 'merged');
      });
  });

  it('dismiss: both sides remember the pair; resolving again is refused', () => {
    spec
      .given(a)
      .when(resolve('dismiss', b))
      .then([{ type: 'DuplicateDismissed', data: { goldenId: 'wh_a', otherGoldenId: 'wh_b', taskId, reason: '同一仓库' } }]);
    spec
      .given(b)
      .when(resolve('dismiss', a))
      .then([{ type: 'DuplicateDismissed', data: { goldenId: 'wh_b', otherGoldenId: 'wh_a', taskId, reason: '同一仓库' } }]);
    const dismissed = eventsOf(a, resolve('dismiss', b));
    spec
      .given(dismissed)
      .when(resolve('merge', b, 'wh_b'))
      .thenThrows('invalid_state', /already resolved/);
  });

  it('the survivor must be one of the pair, and the task must exist', () => {
    const bad = spec
      .given(a)
      .when(resolve('merge', b, 'wh_z'))
      .thenThrows('validation_failed');
    assert.deepEqual((bad.details as { field: string }[])[0]!.field, 'survivorId');
    spec
      .given(a)
      .when({ ...resolve('dismiss', b), taskId: 'task_dup_nope' })
      .thenThrows('not_found');
  });
});
