import { ObservationContext, ObservationOutcome } from '../../../contracts/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../../contracts/wdt-warehouse';
import { warehouseCode } from '../../../shared/domain/warehouse-code';
import { matchingRelevant } from '../../domain/decide-observation';
import { WarehouseEvent } from '../../domain/events';
import { MatchProfile } from '../../domain/matching';
import { WarehouseState } from '../../domain/state';
import { BatchItem } from '../batch-decision';
import { commandMetadata } from '../metadata';

export interface KeyedObservation {
  readonly key: string;
  readonly warehouse: WdtWarehouse;
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
  candidates: ReadonlyMap<string, MatchProfile[]> = new Map(),
): BatchItem[] {
  const metadata = commandMetadata(context.actor, { now: context.observedAt, correlationId: context.correlationId });
  return observations.map((o) => {
    const goldenId = goldenIdOf(o.key);
    return {
      goldenId,
      metadata,
      command: {
        type: 'RecordWdtObservation',
        goldenId,
        warehouse: o.warehouse,
        syncRunId: context.syncRunId,
        candidates: candidates.get(o.key) ?? [],
      },
    };
  });
}

/** Whether the dry-run decision for an observation calls for matching candidates. */
export function wantsCandidates(before: WarehouseState, events: readonly WarehouseEvent[]): boolean {
  const [first] = events;
  return first?.type === 'WarehouseObservedInWdt' && matchingRelevant(before, first.data.goldenChanges);
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
