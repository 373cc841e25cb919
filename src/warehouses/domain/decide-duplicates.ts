import { CommandMetadata } from '../../shared/domain/decider';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { ResolveDuplicate } from './commands';
import { WarehouseEvent } from './events';
import { goldenChangesFor } from './golden-changes';
import { requireActive, requireExisting } from './guards';
import { invalid } from './override-values';
import { retirementChange } from './decide-stewardship';
import { DuplicateTask, WarehouseState } from './state';
import { SurvivorshipPolicy } from './survivorship';
import { typedText } from '../../shared/domain/text';

/**
 * A duplicate task concerns two records, and its resolution is decided on both (the handler appends
 * both results in one transaction): dismiss marks the pair on each side so it is never raised again;
 * merge gives the survivor the other's sources and retires the other, pointing at the survivor.
 */
export function decideResolveDuplicate(
  cmd: ResolveDuplicate,
  state: WarehouseState,
  meta: CommandMetadata,
  policy: SurvivorshipPolicy,
): WarehouseEvent[] {
  const goldenId = requireExisting(state);
  const otherId = requireExisting(cmd.other);
  const task = openTask(cmd.taskId, state, cmd.other);
  const reason = typedText(cmd.reason) ?? null;
  if (cmd.action === 'dismiss')
    return [{ type: 'DuplicateDismissed', data: { goldenId, otherGoldenId: otherId, taskId: task.taskId, reason } }];
  if (cmd.survivorId !== goldenId && cmd.survivorId !== otherId)
    throw invalid('survivorId', `must be one of the pair: ${goldenId} or ${otherId}`);
  requireActive(state);
  requireActive(cmd.other);
  if (cmd.survivorId === goldenId) {
    const sources = { ...state.sources, ...cmd.other.sources };
    const goldenChanges = goldenChangesFor(state, { sources, overrides: state.overrides, primarySource: state.primarySource }, policy);
    const merged = Object.values(cmd.other.sources);
    return [
      {
        type: 'GoldenRecordMerged',
        data: {
          goldenId,
          mergedGoldenId: otherId,
          taskId: task.taskId,
          sourceKeys: merged.map((s) => s.source),
          sources: merged,
          goldenChanges,
        },
      },
    ];
  }
  const why = `merged into ${otherId} as a duplicate${reason ? `: ${reason}` : ''}`;
  return [
    {
      type: 'GoldenRecordRetired',
      data: { goldenId, reason: why, mergedInto: otherId, taskId: task.taskId, goldenChanges: [retirementChange(state, meta)] },
    },
  ];
}

/** The task must be open on either side and be about exactly this pair. */
function openTask(taskId: string, state: WarehouseState, other: WarehouseState): DuplicateTask {
  const mine = state.duplicateTasks[taskId];
  const theirs = other.duplicateTasks[taskId];
  const task = mine ?? theirs;
  if (!task) throw new DomainError(ErrorCode.notFound, `no duplicate task ${taskId} between ${state.goldenId} and ${other.goldenId}`);
  const pairMatches = mine ? mine.otherGoldenId === other.goldenId : theirs!.otherGoldenId === state.goldenId;
  if (!pairMatches) throw new DomainError(ErrorCode.invalidState, `task ${taskId} is not about ${state.goldenId} and ${other.goldenId}`);
  if ([mine, theirs].some((t) => t && t.status !== 'open'))
    throw new DomainError(ErrorCode.invalidState, `task ${taskId} is already resolved`);
  return task;
}
