import { EMPTY_GOLDEN, applyGoldenChanges } from './golden-changes';
import { GoldenRecordMerged, WarehouseEvent, WarehouseObservedInWdt } from './events';
import { evolveKingdee } from './evolve-kingdee';
import { evolveReconciliation } from './evolve-reconciliation';
import { changesRecordVersion } from './record-version';
import { sourceId } from './source-keys';
import { DuplicateTask, WarehouseState } from './state';

/** Applies one event. Golden values come from the event's recorded changes, so a policy change never rewrites history. */
export function evolve(state: WarehouseState, event: WarehouseEvent): WarehouseState {
  const next = apply(state, event);
  return changesRecordVersion(event.type) ? { ...next, recordVersion: state.recordVersion + 1 } : next;
}

function apply(state: WarehouseState, event: WarehouseEvent): WarehouseState {
  switch (event.type) {
    case 'WarehouseObservedInWdt':
      return observed(state, event);
    case 'WarehouseMissingInWdt': {
      const source = state.sources[sourceId(event.data.source)];
      return source ? { ...state, sources: { ...state.sources, [sourceId(source.source)]: { ...source, missing: true } } } : state;
    }
    case 'FieldOverridden':
      return applyGoldenChanges(
        {
          ...state,
          overrides: {
            ...state.overrides,
            [event.data.field]: { value: event.data.value, reason: event.data.reason, actor: event.data.actor },
          },
        },
        optional(event.data.goldenChange),
      );
    case 'FieldOverrideRemoved': {
      const { [event.data.field]: _removed, ...overrides } = state.overrides;
      return applyGoldenChanges({ ...state, overrides }, optional(event.data.goldenChange));
    }
    case 'SuspectedDuplicateDetected':
      return withTask(state, {
        taskId: event.data.taskId,
        otherGoldenId: event.data.otherGoldenId,
        score: event.data.score,
        status: 'open',
      });
    case 'DuplicateDismissed':
      return withTask(state, {
        taskId: event.data.taskId,
        otherGoldenId: event.data.otherGoldenId,
        score: state.duplicateTasks[event.data.taskId]?.score ?? 0,
        status: 'dismissed',
      });
    case 'GoldenRecordMerged':
      return merged(state, event);
    case 'GoldenRecordRetired': {
      const retired = applyGoldenChanges(
        { ...state, mergedInto: event.data.mergedInto, retiredReason: event.data.reason },
        event.data.goldenChanges,
      );
      return closeTask(retired, event.data.taskId, event.data.mergedInto ? 'merged' : 'dismissed');
    }
    case 'GoldenRecordRestored':
      return applyGoldenChanges({ ...state, mergedInto: null, retiredReason: null }, event.data.goldenChanges);
    case 'KingdeeSyncSucceeded':
    case 'KingdeeStockForbidden':
    case 'KingdeeStockAbsent':
    case 'KingdeeSyncFailed':
    case 'KingdeeResyncRequested':
      return { ...state, kingdee: evolveKingdee(state.kingdee, event) };
    case 'KingdeeDriftDetected':
    case 'KingdeeRecordMissing':
    case 'KingdeeFindingResolved':
    case 'KingdeeRecordAdopted':
      return evolveReconciliation(state, event);
  }
}

function observed(state: WarehouseState, event: WarehouseObservedInWdt): WarehouseState {
  const d = event.data;
  const previous = state.sources[sourceId(d.source)];
  const record = {
    source: d.source,
    externalId: d.warehouseId,
    raw: d.raw,
    normalised: d.normalised,
    contentHash: d.contentHash,
    firstObservedAt: previous?.firstObservedAt ?? d.observedAt,
    lastObservedAt: d.observedAt,
    missing: false,
  };
  const base = state.goldenId === null ? { ...state, goldenId: d.goldenId, primarySource: d.source, golden: EMPTY_GOLDEN } : state;
  return applyGoldenChanges({ ...base, sources: { ...base.sources, [sourceId(d.source)]: record } }, d.goldenChanges);
}

function merged(state: WarehouseState, event: GoldenRecordMerged): WarehouseState {
  const sources = { ...state.sources };
  for (const record of event.data.sources) sources[sourceId(record.source)] = record;
  const next = applyGoldenChanges({ ...state, sources }, event.data.goldenChanges);
  return closeTask(next, event.data.taskId, 'merged');
}

function withTask(state: WarehouseState, task: DuplicateTask): WarehouseState {
  return { ...state, duplicateTasks: { ...state.duplicateTasks, [task.taskId]: task } };
}

function closeTask(state: WarehouseState, taskId: string | null, status: DuplicateTask['status']): WarehouseState {
  const task = taskId ? state.duplicateTasks[taskId] : undefined;
  return task ? withTask(state, { ...task, status }) : state;
}

const optional = <T>(value: T | null): T[] => (value === null ? [] : [value]);
