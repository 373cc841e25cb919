import { ObservationContext, ObservationOutcome } from '../../../contracts/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../../contracts/wdt-warehouse';
import { StreamAppend } from '../../../event-store/event-store';
import { warehouseCode } from '../../../shared/domain/warehouse-code';
import { suspicionsOf } from '../../domain/decide-observation';
import { WarehouseEvent, streamIdOf } from '../../domain/events';
import { MatchProfile } from '../../domain/matching';
import { WarehouseState } from '../../domain/state';
import { BatchItem } from '../batch-decision';
import { commandMetadata, eventMetadata } from '../metadata';
import { candidatesByKey } from './candidates-by-key';

export interface KeyedObservation {
  readonly key: string;
  readonly warehouse: WdtWarehouse;
}

/** One warehouse_no as loaded and decided (the handler's load). */
export interface DecidedKey {
  readonly goldenId: string;
  /** The stream version decided on: the append's expected version (0: a new record). */
  readonly version: number;
  readonly fresh: boolean;
  /** The domain refused it (e.g. merged away): left out of the outcomes. */
  readonly refused: boolean;
  readonly events: readonly WarehouseEvent[];
  readonly before: WarehouseState | null;
  /** New or re-described: compared with `readModel` candidates and the batch's earlier subjects. */
  readonly subject: MatchProfile | null;
  readonly readModel: readonly MatchProfile[];
}

/** One observation per warehouse code (the last wins: WDT pages can repeat a row); no code, no record. */
export function latestPerWarehouse(observations: readonly WdtWarehouse[]): KeyedObservation[] {
  const byKey = new Map<string, WdtWarehouse>();
  for (const w of observations) {
    const key = warehouseCode(w.warehouseNo);
    if (key !== null) byKey.set(key, w);
  }
  return [...byKey].map(([key, warehouse]) => ({ key, warehouse }));
}

export function observationItems(
  observations: readonly KeyedObservation[],
  goldenIdOf: (key: string) => string,
  context: ObservationContext,
): BatchItem[] {
  const metadata = observationMetadata(context);
  return observations.map((o) => {
    const goldenId = goldenIdOf(o.key);
    return {
      goldenId,
      metadata,
      command: { type: 'RecordWdtObservation', goldenId, warehouse: o.warehouse, syncRunId: context.syncRunId },
    };
  });
}

const observationMetadata = (context: ObservationContext) =>
  commandMetadata(context.actor, { now: context.observedAt, correlationId: context.correlationId });

/**
 * The page's appends from its decided keys: per record, each observation followed by the duplicate
 * suspicions of its subject (a record holding two keys suspects each pair once).
 */
export function observationAppends(
  keys: readonly string[],
  decided: ReadonlyMap<string, DecidedKey>,
  context: ObservationContext,
): StreamAppend[] {
  const subjects = keys.flatMap((key) => {
    const profile = decided.get(key)!.subject;
    return profile ? [{ key, profile }] : [];
  });
  const readModel = [...new Set([...decided.values()].map((d) => d.readModel))].flat();
  const candidates = subjects.length > 0 ? candidatesByKey(subjects, readModel) : new Map<string, MatchProfile[]>();
  const perRecord = new Map<string, { version: number; events: WarehouseEvent[]; suspected: Set<string> }>();
  for (const key of keys) {
    const d = decided.get(key)!;
    if (d.events.length === 0) continue;
    const entry = perRecord.get(d.goldenId) ?? { version: d.version, events: [], suspected: new Set<string>() };
    const suspicions = d.subject ? suspicionsOf(d.subject, d.before!, candidates.get(key) ?? [], entry.suspected) : [];
    for (const s of suspicions) if (s.type === 'SuspectedDuplicateDetected') entry.suspected.add(s.data.otherGoldenId);
    entry.events.push(...d.events, ...suspicions);
    perRecord.set(d.goldenId, entry);
  }
  const metadata = eventMetadata(observationMetadata(context), { syncRunId: context.syncRunId });
  return [...perRecord].map(([goldenId, p]) => ({
    streamId: streamIdOf(goldenId),
    expectedVersion: p.version,
    events: p.events.map((e) => ({ type: e.type, data: e.data })),
    metadata,
  }));
}

export function outcomeOf(key: string, goldenId: string, versionBefore: number, events: readonly WarehouseEvent[]): ObservationOutcome {
  const [first] = events;
  if (first?.type !== 'WarehouseObservedInWdt') return { warehouseNo: key, goldenId, outcome: 'unchanged', changedFields: [] };
  return {
    warehouseNo: key,
    goldenId,
    outcome: versionBefore === 0 ? 'created' : 'changed',
    changedFields: first.data.sourceChanges.map((c) => c.field),
  };
}
