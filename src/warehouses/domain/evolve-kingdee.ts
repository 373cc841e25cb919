import { KingdeeResyncRequested, KingdeeSyncFailed, KingdeeSyncSucceeded } from './events';
import { KingdeeState } from './state';

type KingdeeEvent = KingdeeSyncSucceeded | KingdeeSyncFailed | KingdeeResyncRequested;

/** What Kingdee holds for the record, and which sync failures still need a steward. */
export function evolveKingdee(kingdee: KingdeeState, event: KingdeeEvent): KingdeeState {
  switch (event.type) {
    case 'KingdeeSyncSucceeded': {
      const { version, fStockId, fNumber, closedTaskIds } = event.data;
      return { syncedVersion: version, fStockId, fNumber, failures: closeFailures(kingdee, closedTaskIds) };
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
