import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../../../test/support/decider-spec';
import { eventsOf, foldEvents, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { WarehouseObservedInWdt } from './events';
import { warehouseDecider } from './warehouse-decider';

const spec = deciderSpec(warehouseDecider, () => meta(10, 'li.steward'));
const created = eventsOf([], observe(wdtWarehouse()), meta(0));
const steward = { system: 'steward', key: 'li.steward' };
const wdtA = { system: 'wdt', key: 'SH-PD-01' };
const overrideName = { type: 'OverrideField', field: 'name', value: ' 浦东中心仓 ', reason: '统一命名规范' } as const;
const overridden = eventsOf(created, overrideName, meta(5, 'li.steward'));

describe('OverrideField', () => {
  it('records the normalised value, the reason and the golden change decided by the override', () => {
    spec
      .given(created)
      .when(overrideName)
      .then([
        {
          type: 'FieldOverridden',
          data: {
            goldenId: 'wh_a',
            field: 'name',
            value: '浦东中心仓',
            reason: '统一命名规范',
            actor: 'li.steward',
            goldenChange: { field: 'name', old: '上海浦东仓', new: '浦东中心仓', source: steward, rule: 'override' },
          },
        },
      ]);
  });

  it('the override wins over a later source change, which is still recorded for the source', () => {
    spec
      .given(overridden)
      .when(observe(wdtWarehouse({ name: '上海浦东新仓', telno: '021-66667777' }), 'wh_a', 'run-2'))
      .thenEvents((events, state) => {
        const { data } = events[0] as WarehouseObservedInWdt;
        assert.deepEqual(
          data.sourceChanges.map((c) => c.field),
          ['name', 'telno'],
        );
        assert.deepEqual(
          data.goldenChanges.map((c) => c.field),
          ['telno'],
        );
        assert.equal(state.golden?.name, '浦东中心仓');
      });
  });

  it('removing the override brings back the newest source value', () => {
    const renamedAtSource = eventsOf(overridden, observe(wdtWarehouse({ name: '上海浦东新仓' }), 'wh_a', 'run-2'), meta(6));
    spec
      .given(renamedAtSource)
      .when({ type: 'RemoveOverride', field: 'name', reason: '源系统已更正' })
      .then([
        {
          type: 'FieldOverrideRemoved',
          data: {
            goldenId: 'wh_a',
            field: 'name',
            reason: '源系统已更正',
            goldenChange: { field: 'name', old: '浦东中心仓', new: '上海浦东新仓', source: wdtA, rule: 'sourcePriority' },
          },
        },
      ]);
  });

  it('the same override again records nothing', () => {
    spec.given(overridden).when(overrideName).then([]);
  });

  it('overriding with the value the source already has changes provenance, not the value', () => {
    spec
      .given(created)
      .when({ type: 'OverrideField', field: 'name', value: '上海浦东仓', reason: '确认' })
      .thenEvents((events) => {
        assert.ok(events[0]?.type === 'FieldOverridden');
        assert.deepEqual(events[0].data.goldenChange, {
          field: 'name',
          old: '上海浦东仓',
          new: '上海浦东仓',
          source: steward,
          rule: 'override',
        });
      });
  });

  it('rejects bad input with field-level details', () => {
    const unknownField = spec
      .given(created)
      .when({ type: 'OverrideField', field: 'x', value: 1, reason: 'r' })
      .thenThrows('validation_failed');
    assert.match(
      (unknownField.details as { field: string; message: string }[])[0]!.message,
      /unknown or read-only field "x"; one of name, typeCode/,
    );
    const emptyReason = spec
      .given(created)
      .when({ ...overrideName, reason: '  ' })
      .thenThrows('validation_failed');
    assert.deepEqual(emptyReason.details, [{ field: 'reason', message: 'must not be empty: say why, for the audit trail' }]);
    spec
      .given(created)
      .when({ type: 'OverrideField', field: 'warehouseNo', value: 'X', reason: 'r' })
      .thenThrows('validation_failed', /read-only/);
    spec
      .given(created)
      .when({ type: 'OverrideField', field: 'mobile', value: '021-12345678', reason: 'r' })
      .thenThrows('validation_failed', /mobile/);
    spec
      .given(created)
      .when({ type: 'OverrideField', field: 'typeCode', value: 19, reason: 'r' })
      .thenThrows('validation_failed', /仓库类型/);
    spec.given(created).when({ type: 'OverrideField', field: 'status', value: 'retired', reason: 'r' }).thenThrows('validation_failed');
  });

  it('accepts typed values and normalises them like source values', () => {
    spec
      .given(created)
      .when({ type: 'OverrideField', field: 'mobile', value: '+86 139-1234-5678', reason: '新联系人' })
      .thenEvents((_e, state) => assert.equal(state.golden?.mobile, '13912345678'));
    spec
      .given(created)
      .when({ type: 'OverrideField', field: 'province', value: '广东', reason: '迁仓' })
      .thenEvents((_e, state) => assert.equal(state.golden?.province, '广东省'));
    spec
      .given(created)
      .when({ type: 'OverrideField', field: 'remark', value: null, reason: '保持为空' })
      .thenEvents((events) => {
        assert.ok(events[0]?.type === 'FieldOverridden');
        assert.deepEqual(events[0].data.goldenChange, { field: 'remark', old: null, new: null, source: steward, rule: 'override' });
      });
  });

  it('an unknown record is not found', () => {
    spec.given([]).when(overrideName).thenThrows('not_found');
  });
});

describe('RemoveOverride and RetireGoldenRecord', () => {
  it('removing an override that does not exist is not found', () => {
    spec.given(created).when({ type: 'RemoveOverride', field: 'name' }).thenThrows('not_found');
  });

  it('retiring sets status retired, by the steward; a retired record takes no overrides', () => {
    const retired = eventsOf(created, { type: 'RetireGoldenRecord', reason: '仓库已关闭' }, meta(7, 'li.steward'));
    assert.deepEqual(retired.at(-1), {
      type: 'GoldenRecordRetired',
      data: {
        goldenId: 'wh_a',
        reason: '仓库已关闭',
        mergedInto: null,
        taskId: null,
        goldenChanges: [{ field: 'status', old: 'active', new: 'retired', source: steward, rule: 'retirement' }],
      },
    });
    assert.equal(foldEvents(retired).golden?.status, 'retired');
    spec
      .given(retired)
      .when(overrideName)
      .thenThrows('invalid_state', /retired/);
    spec.given(retired).when({ type: 'RetireGoldenRecord', reason: 'again' }).thenThrows('invalid_state');
  });

  it('a retired record still tracks its source but its golden values stay frozen', () => {
    const retired = eventsOf(created, { type: 'RetireGoldenRecord', reason: '仓库已关闭' });
    spec
      .given(retired)
      .when(observe(wdtWarehouse({ name: '又开了' }), 'wh_a', 'run-9'))
      .thenEvents((events, state) => {
        assert.deepEqual((events[0] as WarehouseObservedInWdt).data.goldenChanges, []);
        assert.equal(state.golden?.name, '上海浦东仓');
      });
  });
});
