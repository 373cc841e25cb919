import { KingdeeDriftDetected, KingdeeFieldDrift, KingdeeFindingResolved, KingdeeRecordAdopted, KingdeeRecordMissing } from './events';
import { KingdeeFindingTask, WarehouseState } from './state';

type ReconciliationEvent = KingdeeDriftDetected | KingdeeRecordMissing | KingdeeFindingResolved | KingdeeRecordAdopted;

/** The same drift, whatever order the fields came in. */
export const driftSignature = (fields: readonly KingdeeFieldDrift[]): string =>
  JSON.stringify([...fields].sort((a, b) => a.field.localeCompare(b.field)));

/** Open reconciliation tasks, and the Kingdee copy a steward adopted. */
export function evolveReconciliation(state: WarehouseState, event: ReconciliationEvent): WarehouseState {
  const task = (t: KingdeeFindingTask): WarehouseState => ({ ...state, kingdeeFindings: { ...state.kingdeeFindings, [t.taskId]: t } });
  switch (event.type) {
    case 'KingdeeDriftDetected':
      return task({ taskId: event.data.taskId, kind: 'drift', drift: event.data.fields, open: true });
    case 'KingdeeRecordMissing':
      return task({ taskId: event.data.taskId, kind: 'missing', drift: [], open: true });
    case 'KingdeeFindingResolved': {
      const known = state.kingdeeFindings[event.data.taskId];
      return task({ taskId: event.data.taskId, kind: event.data.kind, drift: known?.drift ?? [], open: false });
    }
    case 'KingdeeRecordAdopted':
      return { ...state, kingdee: { ...state.kingdee, fStockId: event.data.fStockId, fNumber: event.data.fNumber } };
  }
}
