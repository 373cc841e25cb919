import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deciderSpec } from '../../../test/support/decider-spec';
import { eventsOf, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { RecordKingdeeFindings } from './commands';
import { ACCEPTED_FROM_KINGDEE } from './decide-reconciliation';
import { warehouseDecider } from './warehouse-decider';

const spec = deciderSpec(warehouseDecider, () => meta(40, 'steward:sue'));
const synced = eventsOf(eventsOf([], observe(wdtWarehouse()), meta(0)), {
  type: 'RecordKingdeeSyncResult',
  outcome: 'success',
  version: 1,
  fStockId: '100238',
  fNumber: 'SH-PD-01',
  operation: 'created',
});
const rename = { field: 'FName', kingdee: '财务改的名字', golden: '上海浦东仓' };
const findings = (runId: string, drift = [rename], missing: RecordKingdeeFindings['missing'] = null): RecordKingdeeFindings => ({
  type: 'RecordKingdeeFindings',
  runId,
  drift,
  missing,
});
const drifted = eventsOf(synced, findings('run-1'));
const driftTask = (drifted.at(-1)!.data as { taskId: string }).taskId;

describe('reconciliation findings on a golden record', () => {
  it('a drift opens one task; the same drift next run records nothing; a changed drift refreshes the same task', () => {
    assert.equal(drifted.at(-1)!.type, 'KingdeeDriftDetected');
    spec.given(drifted).when(findings('run-2')).then([]);
    const other = { ...rename, kingdee: '又改了' };
    spec
      .given(drifted)
      .when(findings('run-2', [other]))
      .then([{ type: 'KingdeeDriftDetected', data: { goldenId: 'wh_a', taskId: driftTask, runId: 'run-2', fields: [other] } }]);
  });

  it('a finding that went away by itself closes its task (cleared)', () => {
    spec
      .given(drifted)
      .when(findings('run-2', []))
      .then([
        {
          type: 'KingdeeFindingResolved',
          data: { goldenId: 'wh_a', taskId: driftTask, kind: 'drift', resolution: 'cleared', reason: null },
        },
      ]);
    const missing = eventsOf(synced, findings('run-1', [], { fStockId: '100238' }));
    assert.equal(missing.at(-1)!.type, 'KingdeeRecordMissing');
    spec
      .given(missing)
      .when(findings('run-2', [], { fStockId: '100238' }))
      .then([]);
    spec
      .given(missing)
      .when(findings('run-2', []))
      .thenEvents((events) =>
        assert.deepEqual(
          events.map((e) => e.type),
          ['KingdeeFindingResolved'],
        ),
      );
  });

  it('push closes the task and makes a new version for the sink; accept makes overrides "accepted from Kingdee"', () => {
    spec
      .given(drifted)
      .when({ type: 'ResolveKingdeeFinding', taskId: driftTask, action: 'push' })
      .thenEvents((events, after) => {
        assert.deepEqual(
          events.map((e) => e.type),
          ['KingdeeFindingResolved', 'KingdeeResyncRequested'],
        );
        assert.equal(after.kingdeeFindings[driftTask]!.open, false);
      });
    spec
      .given(drifted)
      .when({ type: 'ResolveKingdeeFinding', taskId: driftTask, action: 'accept', accepted: [{ field: 'name', value: '财务改的名字' }] })
      .thenEvents((events, after) => {
        assert.deepEqual(
          events.map((e) => e.type),
          ['KingdeeFindingResolved', 'FieldOverridden'],
        );
        assert.deepEqual(after.overrides.name, { value: '财务改的名字', reason: ACCEPTED_FROM_KINGDEE, actor: 'steward:sue' });
        assert.equal(after.golden?.name, '财务改的名字');
      });
  });

  it('refuses actions of the other kind, and a task already resolved', () => {
    spec
      .given(drifted)
      .when({ type: 'ResolveKingdeeFinding', taskId: driftTask, action: 'retire' })
      .thenThrows('validation_failed', /push or accept/);
    const done = eventsOf(drifted, { type: 'ResolveKingdeeFinding', taskId: driftTask, action: 'push' });
    spec.given(done).when({ type: 'ResolveKingdeeFinding', taskId: driftTask, action: 'push' }).thenThrows('invalid_state');
    spec.given(drifted).when({ type: 'ResolveKingdeeFinding', taskId: 'task_nope', action: 'push' }).thenThrows('not_found');
  });

  it('adopting a Kingdee record takes its FStockId and asks for a write; adopting it again records nothing', () => {
    const adopt = { type: 'AdoptKingdeeRecord', fStockId: '100999', fNumber: 'HAND-1', reason: 'same warehouse' } as const;
    const events = spec
      .given(synced)
      .when(adopt)
      .thenEvents((made, after) => {
        assert.deepEqual(
          made.map((e) => e.type),
          ['KingdeeRecordAdopted', 'KingdeeResyncRequested'],
        );
        assert.deepEqual([after.kingdee.fStockId, after.kingdee.fNumber], ['100999', 'HAND-1']);
      });
    spec
      .given([...synced, ...events])
      .when(adopt)
      .then([]);
  });
});
