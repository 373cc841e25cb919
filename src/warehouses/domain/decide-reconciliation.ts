import { CommandMetadata } from '../../shared/domain/decider';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { AdoptKingdeeRecord, RecordKingdeeFindings, ResolveKingdeeFinding } from './commands';
import { deterministicId } from './content-hash';
import { decideResync } from './decide-kingdee';
import { decideOverride, decideRetire } from './decide-stewardship';
import { KingdeeFindingResolved, WarehouseEvent } from './events';
import { evolve } from './evolve';
import { driftSignature } from './evolve-reconciliation';
import { requireActive, requireExisting } from './guards';
import { invalid } from './override-values';
import { KingdeeFindingTask, WarehouseState } from './state';
import { SurvivorshipPolicy } from './survivorship';
import { cleanText } from '../../shared/domain/text';

/** The reason every override made by accepting Kingdee's value carries. */
export const ACCEPTED_FROM_KINGDEE = 'accepted from Kingdee';

const ACTIONS: Record<KingdeeFindingTask['kind'], readonly ResolveKingdeeFinding['action'][]> = {
  drift: ['push', 'accept'],
  missing: ['recreate', 'retire'],
};

const openOf = (state: WarehouseState, kind: KingdeeFindingTask['kind']) =>
  Object.values(state.kingdeeFindings).find((f) => f.open && f.kind === kind);

/**
 * A reconciliation run's findings become decisions, not rewrites: a new finding opens a task (the
 * same finding again records nothing, a changed drift refreshes the open task), and a finding that
 * went away by itself closes its task. Nothing here writes to Kingdee.
 */
export function decideKingdeeFindings(cmd: RecordKingdeeFindings, state: WarehouseState): WarehouseEvent[] {
  const goldenId = requireExisting(state);
  const events: WarehouseEvent[] = [];
  const drift = openOf(state, 'drift');
  const signature = driftSignature(cmd.drift);
  if (cmd.drift.length > 0 && (drift === undefined || driftSignature(drift.drift) !== signature)) {
    const taskId = drift?.taskId ?? deterministicId('task_drift', goldenId, cmd.runId);
    events.push({ type: 'KingdeeDriftDetected', data: { goldenId, taskId, runId: cmd.runId, fields: cmd.drift } });
  } else if (cmd.drift.length === 0 && drift) events.push(resolved(goldenId, drift, 'cleared', null));
  const missing = openOf(state, 'missing');
  if (cmd.missing && !missing) {
    const taskId = deterministicId('task_missing', goldenId, cmd.runId);
    events.push({ type: 'KingdeeRecordMissing', data: { goldenId, taskId, runId: cmd.runId, fStockId: cmd.missing.fStockId } });
  } else if (!cmd.missing && missing) events.push(resolved(goldenId, missing, 'cleared', null));
  return events;
}

/**
 * push / recreate: a new version the sink writes again (KingdeeResyncRequested). accept: Kingdee's
 * values become steward overrides ("accepted from Kingdee"). retire: the record is retired.
 */
export function decideResolveFinding(
  cmd: ResolveKingdeeFinding,
  state: WarehouseState,
  meta: CommandMetadata,
  policy: SurvivorshipPolicy,
): WarehouseEvent[] {
  const goldenId = requireActive(state);
  const task = state.kingdeeFindings[cmd.taskId];
  if (!task) throw new DomainError(ErrorCode.notFound, `no reconciliation task ${cmd.taskId} on ${goldenId}`);
  if (!task.open) throw new DomainError(ErrorCode.invalidState, `task ${cmd.taskId} is already resolved`);
  if (!ACTIONS[task.kind].includes(cmd.action))
    throw invalid(
      'action',
      `a ${task.kind === 'drift' ? 'drift' : 'missing-record'} task is resolved with ${ACTIONS[task.kind].join(' or ')}`,
    );
  const reason = cleanText(cmd.reason) ?? null;
  const close = resolved(goldenId, task, cmd.action, reason);
  switch (cmd.action) {
    case 'push':
    case 'recreate':
      return [close, ...decideResync({ type: 'RequestKingdeeResync', reason: reason ?? `${cmd.action} after reconciliation` }, state)];
    case 'retire':
      return [close, ...decideRetire({ type: 'RetireGoldenRecord', reason: reason ?? 'gone from Kingdee' }, state, meta)];
    case 'accept':
      return [close, ...acceptAll(cmd.accepted ?? [], evolve(state, close), meta, policy)];
  }
}

function acceptAll(
  accepted: NonNullable<ResolveKingdeeFinding['accepted']>,
  state: WarehouseState,
  meta: CommandMetadata,
  policy: SurvivorshipPolicy,
): WarehouseEvent[] {
  if (accepted.length === 0) throw invalid('action', 'nothing to accept: the task names no field');
  const events: WarehouseEvent[] = [];
  let current = state;
  for (const { field, value } of accepted) {
    const made = decideOverride({ type: 'OverrideField', field, value, reason: ACCEPTED_FROM_KINGDEE }, current, meta, policy);
    events.push(...made);
    current = made.reduce(evolve, current);
  }
  return events;
}

/** The BD_STOCK `fStockId` becomes this record's Kingdee copy, and a new version updates it in place. */
export function decideAdopt(cmd: AdoptKingdeeRecord, state: WarehouseState): WarehouseEvent[] {
  const goldenId = requireActive(state);
  if (state.kingdee.fStockId === cmd.fStockId) return [];
  const reason = cleanText(cmd.reason) ?? `adopted Kingdee record ${cmd.fNumber}`;
  return [
    { type: 'KingdeeRecordAdopted', data: { goldenId, fStockId: cmd.fStockId, fNumber: cmd.fNumber, reason } },
    ...decideResync({ type: 'RequestKingdeeResync', reason }, state),
  ];
}

function resolved(
  goldenId: string,
  task: KingdeeFindingTask,
  resolution: KingdeeFindingResolved['data']['resolution'],
  reason: string | null,
): KingdeeFindingResolved {
  return { type: 'KingdeeFindingResolved', data: { goldenId, taskId: task.taskId, kind: task.kind, resolution, reason } };
}
