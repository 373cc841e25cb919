import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../../../test/support/decider-spec';
import { eventsOf, foldEvents, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { duplicateTaskId, matchingSubject, suspicionsOf } from './decide-observation';
import { WarehouseEvent, WarehouseObservedInWdt } from './events';
import { MatchProfile } from './matching';
import { warehouseDecider } from './warehouse-decider';

const spec = deciderSpec(warehouseDecider, () => meta(10));
const created = eventsOf([], observe(wdtWarehouse()), meta(0));
const observation = (events: readonly WarehouseEvent[]) => events[0] as WarehouseObservedInWdt;
const wdtA = { system: 'wdt', key: 'SH-PD-01' };

describe('RecordWdtObservation', () => {
  it('first observation creates the record: every field decided by source priority, raw kept', () => {
    spec
      .given([])
      .when(observe(wdtWarehouse()), meta(0))
      .thenEvents((events, state) => {
        assert.equal(events.length, 1);
        const { data } = observation(events);
        assert.equal(data.goldenId, 'wh_a');
        assert.deepEqual(data.source, wdtA);
        assert.equal(data.observedAt, '2026-11-28T09:00:00.000Z');
        assert.equal(data.raw.telno, '021-5888 1234');
        assert.equal(data.normalised.telno, '021-58881234');
        assert.equal(data.goldenChanges.length, 16);
        assert.deepEqual(
          data.goldenChanges.find((c) => c.field === 'name'),
          { field: 'name', old: null, new: '上海浦东仓', source: wdtA, rule: 'sourcePriority' },
        );
        assert.ok(data.sourceChanges.some((c) => c.field === 'warehouse_no' && c.new === 'SH-PD-01'));
        assert.equal(state.golden?.province, '上海市');
        assert.deepEqual(state.primarySource, wdtA);
      });
  });

  it('unchanged content records nothing, even when spelled differently', () => {
    spec.given(created).when(observe(wdtWarehouse())).then([]);
    spec
      .given(created)
      .when(observe(wdtWarehouse({ name: ' 上海浦东仓 ', telno: '（021）58881234', modified: '2026-11-28 07:00:00' })))
      .then([]);
  });

  it('a changed field records old → new for the source and for the golden record', () => {
    spec
      .given(created)
      .when(observe(wdtWarehouse({ telno: '021-66667777' }), 'wh_a', 'run-2'))
      .thenEvents((events) => {
        const { data } = observation(events);
        assert.deepEqual(data.sourceChanges, [{ field: 'telno', old: '021-58881234', new: '021-66667777' }]);
        assert.deepEqual(data.goldenChanges, [
          { field: 'telno', old: '021-58881234', new: '021-66667777', source: wdtA, rule: 'sourcePriority' },
        ]);
        assert.equal(data.syncRunId, 'run-2');
      });
  });

  it('flags a warehouse missing from a complete pull, once, and clears it when it reappears', () => {
    const missing = eventsOf(created, { type: 'FlagMissingInWdt', warehouseNo: 'SH-PD-01', syncRunId: 'run-2' });
    assert.deepEqual(missing.at(-1), {
      type: 'WarehouseMissingInWdt',
      data: { goldenId: 'wh_a', source: wdtA, warehouseNo: 'SH-PD-01', syncRunId: 'run-2' },
    });
    spec.given(missing).when({ type: 'FlagMissingInWdt', warehouseNo: 'SH-PD-01', syncRunId: 'run-3' }).then([]);
    spec
      .given(missing)
      .when(observe(wdtWarehouse(), 'wh_a', 'run-3'))
      .thenEvents((events, state) => {
        assert.equal(events.length, 1);
        assert.deepEqual(observation(events).data.goldenChanges, []);
        assert.equal(Object.values(state.sources)[0]!.missing, false);
      });
  });

  it('refuses an observation for a record merged into another', () => {
    const merged = [
      ...created,
      {
        type: 'GoldenRecordRetired',
        data: { goldenId: 'wh_a', reason: 'dup', mergedInto: 'wh_b', taskId: null, goldenChanges: [] },
      } as WarehouseEvent,
    ];
    spec
      .given(merged)
      .when(observe(wdtWarehouse({ name: '新名' })))
      .thenThrows('invalid_state', /merged into wh_b/);
  });
});

describe('matching on observation', () => {
  const neighbour: MatchProfile = {
    goldenId: 'wh_b',
    warehouseNo: 'SHPD1',
    name: '上海浦东仓库',
    address: '上海市浦东新区川沙路5188号',
    province: '上海市',
    city: '上海市',
    district: '浦东新区',
  };
  const stranger: MatchProfile = {
    ...neighbour,
    goldenId: 'wh_c',
    warehouseNo: 'SH-JD',
    name: '上海嘉定仓',
    address: '嘉定区兴贤路1368号',
  };

  it('a suspected duplicate opens a stewardship task; nothing is merged', () => {
    spec
      .given([])
      .when(observe(wdtWarehouse(), 'wh_a', 'run-1', [neighbour, stranger]))
      .thenEvents((events, state) => {
        assert.deepEqual(
          events.map((e) => e.type),
          ['WarehouseObservedInWdt', 'SuspectedDuplicateDetected'],
        );
        const suspicion = events[1]!;
        assert.ok(suspicion.type === 'SuspectedDuplicateDetected');
        assert.equal(suspicion.data.otherGoldenId, 'wh_b');
        assert.equal(suspicion.data.taskId, duplicateTaskId('wh_b', 'wh_a'));
        assert.ok(suspicion.data.score >= 0.7);
        assert.equal(state.duplicateTasks[suspicion.data.taskId]?.status, 'open');
        assert.equal(state.mergedInto, null);
      });
  });

  it('does not raise the same pair again, open or dismissed', () => {
    const suspected = eventsOf([], observe(wdtWarehouse(), 'wh_a', 'run-1', [neighbour]));
    spec
      .given(suspected)
      .when(observe(wdtWarehouse({ name: '上海浦东仓库' }), 'wh_a', 'run-2', [neighbour]))
      .thenEvents((events) => {
        assert.deepEqual(
          events.map((e) => e.type),
          ['WarehouseObservedInWdt'],
        );
      });
  });

  it('only compares when the record is new or its name/address/region changed', () => {
    spec
      .given(created)
      .when(observe(wdtWarehouse({ telno: '021-66667777' }), 'wh_a', 'run-2', [neighbour]))
      .thenEvents((events) => {
        assert.deepEqual(
          events.map((e) => e.type),
          ['WarehouseObservedInWdt'],
        );
      });
  });

  describe('decided apart, as a page is (observation first, suspicions for the subjects after)', () => {
    const apart = (history: readonly WarehouseEvent[], command: ReturnType<typeof observe>, candidates: MatchProfile[]) => {
      const before = foldEvents(history);
      const decided = warehouseDecider.decide({ ...command, candidates: [] }, before, meta(10));
      const subject = matchingSubject(before, decided);
      return [...decided, ...(subject ? suspicionsOf(subject, before, candidates) : [])];
    };
    const together = (history: readonly WarehouseEvent[], command: ReturnType<typeof observe>, candidates: MatchProfile[]) =>
      warehouseDecider.decide({ ...command, candidates }, foldEvents(history), meta(10));

    it('gives the events deciding with the candidates gives', () => {
      const cases: [WarehouseEvent[], ReturnType<typeof observe>][] = [
        [[], observe(wdtWarehouse())],
        [
          eventsOf([], observe(wdtWarehouse(), 'wh_a', 'run-1', [neighbour])),
          observe(wdtWarehouse({ name: '上海浦东仓库' }), 'wh_a', 'run-2'),
        ],
        [created, observe(wdtWarehouse({ telno: '021-66667777' }), 'wh_a', 'run-2')],
        [created, observe(wdtWarehouse({ address: '浦东新区川沙路5188号1号门' }), 'wh_a', 'run-2')],
      ];
      for (const [history, command] of cases)
        assert.deepEqual(apart(history, command, [neighbour, stranger]), together(history, command, [neighbour, stranger]));
      assert.equal(apart([], observe(wdtWarehouse()), [neighbour]).length, 2, 'the cases include a suspicion');
      // Listed again after being flagged missing and retired: restored, never compared.
      const missing = eventsOf(created, { type: 'FlagMissingInWdt', warehouseNo: 'SH-PD-01', syncRunId: 'run-2' });
      const retired = eventsOf(missing, { type: 'RetireGoldenRecord', reason: 'WDT 已删除' }, meta(5, 'li.steward'));
      const back = observe(wdtWarehouse({ name: '上海浦东仓库' }), 'wh_a', 'run-3');
      assert.deepEqual(
        apart(retired, back, [neighbour]).map((e) => e.type),
        ['WarehouseObservedInWdt', 'GoldenRecordRestored'],
      );
      assert.deepEqual(apart(retired, back, [neighbour]), together(retired, back, [neighbour]));
    });

    it('a pair already suspected in the same append is not raised again', () => {
      const before = foldEvents([]);
      const subject = matchingSubject(before, warehouseDecider.decide(observe(wdtWarehouse()), before, meta(10)))!;
      assert.equal(suspicionsOf(subject, before, [neighbour]).length, 1);
      assert.deepEqual(suspicionsOf(subject, before, [neighbour], new Set(['wh_b'])), []);
    });
  });
});
