import { CommandMetadata } from '../../shared/domain/decider';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { normaliseWdtWarehouse } from './canonical-warehouse';
import { FlagMissingInWdt, RecordWdtObservation } from './commands';
import { contentHash, deterministicId } from './content-hash';
import { GoldenFieldChange, WarehouseEvent, WarehouseObservedInWdt } from './events';
import { applyGoldenChanges, goldenChangesFor } from './golden-changes';
import { GoldenField } from './golden-fields';
import { restoredEvent } from './decide-stewardship';
import { evolve } from './evolve';
import { requireExisting } from './guards';
import { MatchProfile, suspectDuplicates } from './matching';
import { warehouseCode } from '../../shared/domain/warehouse-code';
import { sourceId, WDT_SYSTEM } from './source-keys';
import { diffSource } from './source-diff';
import { SourceRecord, WarehouseState, isRetired } from './state';
import { SurvivorshipPolicy } from './survivorship';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';

/** Fields that can turn a record into (or out of) a suspected duplicate. */
const MATCH_FIELDS: readonly GoldenField[] = ['name', 'address', 'province', 'city', 'district'];

export function decideObservation(
  cmd: RecordWdtObservation,
  state: WarehouseState,
  meta: CommandMetadata,
  policy: SurvivorshipPolicy,
): WarehouseEvent[] {
  if (state.goldenId !== null && state.goldenId !== cmd.goldenId)
    throw new DomainError(ErrorCode.invalidState, `observation for ${cmd.goldenId} sent to ${state.goldenId}`);
  if (state.mergedInto)
    throw new DomainError(ErrorCode.invalidState, `golden record ${state.goldenId} was merged into ${state.mergedInto}`);
  const warehouseNo = warehouseCode(cmd.warehouse.warehouseNo);
  if (warehouseNo === null) throw new DomainError(ErrorCode.validation, 'a WDT warehouse without warehouse_no cannot be recorded');
  const source = { system: cmd.system ?? WDT_SYSTEM, key: warehouseNo };
  const normalised = normaliseWdtWarehouse(cmd.warehouse);
  const hash = contentHash(normalised);
  const previous = state.sources[sourceId(source)];
  if (previous && previous.contentHash === hash && !previous.missing) return [];

  const observedAt = meta.now.toISOString();
  const record: SourceRecord = {
    source,
    externalId: normalised.warehouseId,
    raw: cmd.warehouse.raw,
    normalised,
    contentHash: hash,
    firstObservedAt: previous?.firstObservedAt ?? observedAt,
    lastObservedAt: observedAt,
    missing: false,
  };
  const sources = { ...state.sources, [sourceId(source)]: record };
  const goldenChanges = isRetired(state)
    ? []
    : goldenChangesFor(state, { sources, overrides: state.overrides, primarySource: state.primarySource ?? source }, policy);
  const observation: WarehouseObservedInWdt = {
    type: 'WarehouseObservedInWdt',
    data: {
      goldenId: cmd.goldenId,
      source,
      warehouseNo,
      warehouseId: normalised.warehouseId,
      observedAt,
      raw: cmd.warehouse.raw,
      normalised,
      contentHash: hash,
      sourceChanges: diffSource(previous?.normalised, normalised),
      goldenChanges,
      syncRunId: cmd.syncRunId,
    },
  };
  if (reappeared(state, previous)) return [observation, restoredEvent(evolve(state, observation), REAPPEARED, meta.actor, policy)];
  return [observation, ...suspicions(cmd, state, goldenChanges)];
}

const REAPPEARED = 'WDT lists the warehouse again';

/**
 * A retired record whose warehouse WDT had stopped listing (flagged missing) and now lists again
 * comes back into use: the retirement followed WDT's deletion, and WDT changed its mind.
 * A record retired while WDT still listed it stays retired.
 */
function reappeared(state: WarehouseState, previous: SourceRecord | undefined): boolean {
  return isRetired(state) && state.mergedInto === null && previous?.missing === true;
}

/** New or re-described records are compared with their 省/市 neighbours; each suspicion opens a task. */
function suspicions(cmd: RecordWdtObservation, state: WarehouseState, changes: readonly GoldenFieldChange[]): WarehouseEvent[] {
  if (!matchingRelevant(state, changes) || !cmd.candidates?.length) return [];
  return suspicionsOf(subjectOf(cmd.goldenId, state, changes), state, cmd.candidates);
}

/**
 * What an observation decided without candidates is compared as, when it calls for matching (a
 * new or re-described record, not one WDT lists again): the batch path decides every observation
 * once, then fetches candidates only for these and adds `suspicionsOf` to the same append.
 */
export function matchingSubject(before: WarehouseState, decided: readonly WarehouseEvent[]): MatchProfile | null {
  const [observation, ...rest] = decided;
  if (observation?.type !== 'WarehouseObservedInWdt' || rest.length > 0) return null;
  const { goldenId, goldenChanges } = observation.data;
  return matchingRelevant(before, goldenChanges) ? subjectOf(goldenId, before, goldenChanges) : null;
}

/** The suspicions a subject raises against candidates; `alsoKnown`: others already suspected in this append. */
export function suspicionsOf(
  subject: MatchProfile,
  before: WarehouseState,
  candidates: readonly MatchProfile[],
  alsoKnown: ReadonlySet<string> = new Set(),
): WarehouseEvent[] {
  const known = new Set([...Object.values(before.duplicateTasks).map((t) => t.otherGoldenId), ...alsoKnown]);
  return suspectDuplicates(subject, candidates, known).map((s) => ({
    type: 'SuspectedDuplicateDetected',
    data: {
      goldenId: subject.goldenId,
      otherGoldenId: s.other.goldenId,
      otherWarehouseNo: s.other.warehouseNo,
      score: s.score,
      reasons: s.reasons,
      taskId: duplicateTaskId(subject.goldenId, s.other.goldenId),
    },
  }));
}

function subjectOf(goldenId: string, state: WarehouseState, changes: readonly GoldenFieldChange[]): MatchProfile {
  return { goldenId, ...applyGoldenChanges({ ...state, goldenId }, changes).golden! };
}

/** The hash an observation of this row records: the same hash, not flagged missing, means nothing to record. */
export function observationHash(warehouse: WdtWarehouse): string {
  return contentHash(normaliseWdtWarehouse(warehouse));
}

/** Whether these changes make a record worth comparing with its neighbours (handlers fetch candidates only then). */
export function matchingRelevant(state: WarehouseState, changes: readonly GoldenFieldChange[]): boolean {
  return state.golden === null || changes.some((c) => MATCH_FIELDS.includes(c.field));
}

/** The same pair always gets the same task id, whichever record noticed it. */
export function duplicateTaskId(a: string, b: string): string {
  return deterministicId('task_dup', ...[a, b].sort());
}

export function decideFlagMissing(cmd: FlagMissingInWdt, state: WarehouseState): WarehouseEvent[] {
  const goldenId = requireExisting(state);
  const source = state.sources[sourceId({ system: cmd.system ?? WDT_SYSTEM, key: warehouseCode(cmd.warehouseNo) ?? cmd.warehouseNo })];
  if (!source || source.missing || isRetired(state)) return [];
  return [
    { type: 'WarehouseMissingInWdt', data: { goldenId, source: source.source, warehouseNo: cmd.warehouseNo, syncRunId: cmd.syncRunId } },
  ];
}
