import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { RecordKingdeeSyncResult, RequestKingdeeResync } from './commands';
import { deterministicId } from './content-hash';
import { WarehouseEvent } from './events';
import { requireActive, requireExisting } from './guards';
import { WarehouseState } from './state';
import { typedText } from '../../shared/domain/text';

/**
 * Results arrive at least once and possibly out of order (the sink retries, partitions rebalance):
 * anything at or below the version already synced is old news and records nothing.
 */
export function decideSyncResult(cmd: RecordKingdeeSyncResult, state: WarehouseState): WarehouseEvent[] {
  const goldenId = requireExisting(state);
  const synced = state.kingdee.syncedVersion;
  if (synced !== null && cmd.version <= synced) return [];
  const closedTaskIds = Object.values(state.kingdee.failures)
    .filter((f) => f.open && f.version <= cmd.version)
    .map((f) => f.taskId);
  if (cmd.outcome === 'success') {
    const { version, fStockId, fNumber, operation } = cmd;
    return [{ type: 'KingdeeSyncSucceeded', data: { goldenId, version, fStockId, fNumber, operation, closedTaskIds } }];
  }
  if (cmd.outcome === 'forbidden') {
    const { version, fStockId, fNumber } = cmd;
    return [{ type: 'KingdeeStockForbidden', data: { goldenId, version, fStockId, fNumber, closedTaskIds } }];
  }
  if (cmd.outcome === 'not-in-kingdee') return [{ type: 'KingdeeStockAbsent', data: { goldenId, version: cmd.version, closedTaskIds } }];
  const taskId = syncFailureTaskId(goldenId, cmd.version);
  const known = state.kingdee.failures[taskId];
  if (known && (!known.open || (known.code === cmd.code && known.message === cmd.message))) return [];
  return [{ type: 'KingdeeSyncFailed', data: { goldenId, version: cmd.version, code: cmd.code, message: cmd.message, taskId } }];
}

export function syncFailureTaskId(goldenId: string, version: number): string {
  return deterministicId('task_sync', goldenId, version);
}

/** A resync makes a new version (KingdeeResyncRequested) that the sink writes again; it may resolve a failure task. */
export function decideResync(cmd: RequestKingdeeResync, state: WarehouseState): WarehouseEvent[] {
  const goldenId = requireActive(state);
  const taskId = cmd.taskId ?? null;
  if (taskId !== null) {
    const failure = state.kingdee.failures[taskId];
    if (!failure) throw new DomainError(ErrorCode.notFound, `no sync failure task ${taskId} on ${goldenId}`);
    if (!failure.open) throw new DomainError(ErrorCode.invalidState, `task ${taskId} is already resolved`);
  }
  return [{ type: 'KingdeeResyncRequested', data: { goldenId, reason: typedText(cmd.reason) ?? 'resync requested', taskId } }];
}
