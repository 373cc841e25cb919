import { CommandMetadata } from '../../shared/domain/decider';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { OverrideField, RemoveOverride, RestoreGoldenRecord, RetireGoldenRecord } from './commands';
import { GoldenFieldChange, WarehouseEvent } from './events';
import { goldenChangesFor } from './golden-changes';
import { GoldenField, sameValue } from './golden-fields';
import { requireActive, requireExisting } from './guards';
import { invalid, parseOverrideValue, requireOverridableField } from './override-values';
import { STEWARD_SYSTEM } from './source-keys';
import { WarehouseState, isRetired } from './state';
import { FieldOverride, SurvivorshipPolicy } from './survivorship';
import { typedText } from '../../shared/domain/text';

export function decideOverride(
  cmd: OverrideField,
  state: WarehouseState,
  meta: CommandMetadata,
  policy: SurvivorshipPolicy,
): WarehouseEvent[] {
  const field = requireOverridableField(cmd.field);
  const reason = requireReason(cmd.reason);
  const value = parseOverrideValue(field, cmd.value);
  const goldenId = requireActive(state);
  const current = state.overrides[field];
  if (current && sameValue(current.value, value) && current.reason === reason) return [];
  const overrides = { ...state.overrides, [field]: { value, reason, actor: meta.actor } };
  const goldenChange = changeOfField(state, field, overrides, policy);
  return [{ type: 'FieldOverridden', data: { goldenId, field, value, reason, actor: meta.actor, goldenChange } }];
}

export function decideRemoveOverride(cmd: RemoveOverride, state: WarehouseState, policy: SurvivorshipPolicy): WarehouseEvent[] {
  const field = requireOverridableField(cmd.field);
  const goldenId = requireActive(state);
  if (!state.overrides[field])
    throw new DomainError(ErrorCode.notFound, `there is no override on ${field}`, [{ field: 'field', message: `no override on ${field}` }]);
  const { [field]: _removed, ...overrides } = state.overrides;
  const goldenChange = changeOfField(state, field, overrides, policy);
  return [{ type: 'FieldOverrideRemoved', data: { goldenId, field, reason: typedText(cmd.reason) ?? null, goldenChange } }];
}

export function decideRetire(cmd: RetireGoldenRecord, state: WarehouseState, meta: CommandMetadata): WarehouseEvent[] {
  const reason = requireReason(cmd.reason);
  const goldenId = requireActive(state);
  return [
    {
      type: 'GoldenRecordRetired',
      data: { goldenId, reason, mergedInto: null, taskId: null, goldenChanges: [retirementChange(state, meta)] },
    },
  ];
}

/**
 * Takes a retired record back into use: survivorship decides every field again from the sources
 * and overrides (observations kept arriving while it was retired). A merged-away record's sources
 * belong to the survivor now, so a merge cannot be undone this way.
 */
export function decideRestore(
  cmd: RestoreGoldenRecord,
  state: WarehouseState,
  meta: CommandMetadata,
  policy: SurvivorshipPolicy,
): WarehouseEvent[] {
  const reason = requireReason(cmd.reason);
  const goldenId = requireExisting(state);
  if (state.mergedInto)
    throw new DomainError(
      ErrorCode.invalidState,
      `golden record ${goldenId} was merged into ${state.mergedInto}; a merge cannot be undone`,
      {
        goldenId,
        mergedInto: state.mergedInto,
      },
    );
  if (!isRetired(state)) throw new DomainError(ErrorCode.invalidState, `golden record ${goldenId} is not retired`, { goldenId });
  return [restoredEvent(state, reason, meta.actor, policy)];
}

/** GoldenRecordRestored with the changes survivorship makes once the retirement no longer holds. */
export function restoredEvent(state: WarehouseState, reason: string, actor: string, policy: SurvivorshipPolicy): WarehouseEvent {
  const input = { sources: state.sources, overrides: state.overrides, primarySource: state.primarySource };
  const goldenChanges = goldenChangesFor(state, input, policy);
  return { type: 'GoldenRecordRestored', data: { goldenId: state.goldenId!, reason, actor, goldenChanges } };
}

export function retirementChange(state: WarehouseState, meta: CommandMetadata): GoldenFieldChange {
  return {
    field: 'status',
    old: state.golden?.status ?? null,
    new: 'retired',
    source: { system: STEWARD_SYSTEM, key: meta.actor },
    rule: 'retirement',
  };
}

export function requireReason(reason: unknown): string {
  const text = typeof reason === 'string' ? typedText(reason) : null;
  if (text === null) throw invalid('reason', 'must not be empty: say why, for the audit trail');
  return text;
}

/** The change survivorship makes to one field with these overrides (null if none). */
function changeOfField(
  state: WarehouseState,
  field: GoldenField,
  overrides: Partial<Record<GoldenField, FieldOverride>>,
  policy: SurvivorshipPolicy,
): GoldenFieldChange | null {
  const input = { sources: state.sources, overrides, primarySource: state.primarySource };
  return goldenChangesFor(state, input, policy).find((c) => c.field === field) ?? null;
}
