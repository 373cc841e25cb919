import { KingdeeResyncRequested, KingdeeStockAbsent, KingdeeStockForbidden, KingdeeSyncFailed, KingdeeSyncSucceeded } from './events';
import { KingdeeState } from './state';

export type KingdeeEvent = KingdeeSyncSucceeded | KingdeeStockForbidden | KingdeeStockAbsent | KingdeeSyncFailed | KingdeeResyncRequested;

/** What Kingdee holds for the record, and which sync failures still need a steward. */
export function evolveKingdee(kingdee: KingdeeState, event: KingdeeEvent): KingdeeState {
  switch (event.type) {
    case 'KingdeeSyncSucceeded': {
      // The sink enables a forbidden record before it writes a restored one, so a save means active.
      const { version, fStockId, fNumber, closedTaskIds } = event.data;
      return { syncedVersion: version, fStockId, fNumber, failures: closeFailures(kingdee, closedTaskIds), retirement: null };
    }
    case 'KingdeeStockForbidden': {
      const { version, fStockId, fNumber, closedTaskIds } = event.data;
      return { syncedVersion: version, fStockId, fNumber, failures: closeFailures(kingdee, closedTaskIds), retirement: 'forbidden' };
    }
    case 'KingdeeStockAbsent': {
      const { version, closedTaskIds } = event.data;
      return {
        syncedVersion: version,
        fStockId: null,
        fNumber: null,
        failures: closeFailures(kingdee, closedTaskIds),
        retirement: 'absent',
      };
    }
    case 'KingdeeSyncFailed': {
      const { taskId, version, code, message } = event.data;
      return { ...kingdee, failures: { ...kingdee.failures, [taskId]: { taskId, version, code, message, open: true } } };
    }
    case 'KingdeeResyncRequested':
      return event.data.taskId ? { ...kingdee, failures: closeFailures(kingdee, [event.data.taskId]) } : kingdee;
  }
}

function closeFailures(kingdee: KingdeeState, taskIds: readonly string[]): KingdeeState['failures'] {
  const closing = new Set(taskIds);
  return Object.fromEntries(Object.entries(kingdee.failures).map(([id, f]) => [id, closing.has(id) ? { ...f, open: false } : f]));
}
