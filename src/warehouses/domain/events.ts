import { CanonicalWarehouse } from './canonical-warehouse';
import { GoldenField, GoldenValue } from './golden-fields';
import { SourceKey } from './source-keys';
import { SourceRecord } from './state';
import { RuleKind } from './survivorship';

/** A source field whose (normalised) value changed; named as the source names it (`telno`, `is_disabled`). */
export interface SourceFieldChange {
  readonly field: string;
  readonly old: unknown;
  readonly new: unknown;
}

/** A golden field that changed value or provenance, with the source and rule that decided it. */
export interface GoldenFieldChange {
  readonly field: GoldenField;
  readonly old: GoldenValue | null;
  readonly new: GoldenValue;
  readonly source: SourceKey;
  readonly rule: RuleKind;
}

type Event<T extends string, D> = { readonly type: T; readonly data: Readonly<D> & { readonly goldenId: string } };

export type WarehouseObservedInWdt = Event<
  'WarehouseObservedInWdt',
  {
    source: SourceKey;
    warehouseNo: string;
    warehouseId: string | null;
    observedAt: string;
    raw: Readonly<Record<string, unknown>>;
    normalised: CanonicalWarehouse;
    contentHash: string;
    sourceChanges: readonly SourceFieldChange[];
    goldenChanges: readonly GoldenFieldChange[];
    syncRunId: string;
  }
>;
export type WarehouseMissingInWdt = Event<'WarehouseMissingInWdt', { source: SourceKey; warehouseNo: string; syncRunId: string }>;
export type FieldOverridden = Event<
  'FieldOverridden',
  {
    field: GoldenField;
    value: GoldenValue;
    reason: string;
    actor: string;
    goldenChange: GoldenFieldChange | null;
  }
>;
export type FieldOverrideRemoved = Event<
  'FieldOverrideRemoved',
  { field: GoldenField; reason: string | null; goldenChange: GoldenFieldChange | null }
>;
export type SuspectedDuplicateDetected = Event<
  'SuspectedDuplicateDetected',
  {
    otherGoldenId: string;
    otherWarehouseNo: string;
    score: number;
    reasons: readonly string[];
    taskId: string;
  }
>;
export type DuplicateDismissed = Event<'DuplicateDismissed', { otherGoldenId: string; taskId: string; reason: string | null }>;
/** On the survivor: it takes over the merged record's source keys and their latest values. */
export type GoldenRecordMerged = Event<
  'GoldenRecordMerged',
  {
    mergedGoldenId: string;
    taskId: string | null;
    sourceKeys: readonly SourceKey[];
    sources: readonly SourceRecord[];
    goldenChanges: readonly GoldenFieldChange[];
  }
>;
/** On the merged-away or withdrawn record; `mergedInto` points at the survivor. */
export type GoldenRecordRetired = Event<
  'GoldenRecordRetired',
  {
    reason: string;
    mergedInto: string | null;
    taskId: string | null;
    goldenChanges: readonly GoldenFieldChange[];
  }
>;
/** A retired record taken back into use (by a steward, or because WDT lists its warehouse again). */
export type GoldenRecordRestored = Event<
  'GoldenRecordRestored',
  {
    reason: string;
    actor: string;
    goldenChanges: readonly GoldenFieldChange[];
  }
>;
export type KingdeeSyncSucceeded = Event<
  'KingdeeSyncSucceeded',
  {
    version: number;
    fStockId: string;
    fNumber: string;
    operation: 'created' | 'updated';
    closedTaskIds: readonly string[];
  }
>;
/** The retired version reached Kingdee: its BD_STOCK is forbidden (禁用), kept for the documents that point at it. */
export type KingdeeStockForbidden = Event<
  'KingdeeStockForbidden',
  { version: number; fStockId: string; fNumber: string; closedTaskIds: readonly string[] }
>;
/** The retired version has no BD_STOCK in Kingdee (it was never written there): nothing to forbid. */
export type KingdeeStockAbsent = Event<'KingdeeStockAbsent', { version: number; closedTaskIds: readonly string[] }>;
export type KingdeeSyncFailed = Event<'KingdeeSyncFailed', { version: number; code: string; message: string; taskId: string }>;
export type KingdeeResyncRequested = Event<'KingdeeResyncRequested', { reason: string; taskId: string | null }>;

/** A Kingdee field that no longer says what the scheme renders from the golden record (found by reconciliation). */
export interface KingdeeFieldDrift {
  readonly field: string;
  readonly kingdee: unknown;
  readonly golden: unknown;
}
export type KingdeeDriftDetected = Event<'KingdeeDriftDetected', { taskId: string; runId: string; fields: readonly KingdeeFieldDrift[] }>;
export type KingdeeRecordMissing = Event<'KingdeeRecordMissing', { taskId: string; runId: string; fStockId: string | null }>;
/** `cleared`: the finding went away by itself (someone fixed Kingdee); otherwise the steward's action. */
export type KingdeeFindingResolved = Event<
  'KingdeeFindingResolved',
  { taskId: string; kind: 'drift' | 'missing'; resolution: 'cleared' | 'push' | 'accept' | 'recreate' | 'retire'; reason: string | null }
>;
/** A BD_STOCK the hub did not write becomes this record's Kingdee copy; the next write updates it in place. */
export type KingdeeRecordAdopted = Event<'KingdeeRecordAdopted', { fStockId: string; fNumber: string; reason: string }>;

export type WarehouseEvent =
  | WarehouseObservedInWdt
  | WarehouseMissingInWdt
  | FieldOverridden
  | FieldOverrideRemoved
  | SuspectedDuplicateDetected
  | DuplicateDismissed
  | GoldenRecordMerged
  | GoldenRecordRetired
  | GoldenRecordRestored
  | KingdeeSyncSucceeded
  | KingdeeStockForbidden
  | KingdeeStockAbsent
  | KingdeeSyncFailed
  | KingdeeResyncRequested
  | KingdeeDriftDetected
  | KingdeeRecordMissing
  | KingdeeFindingResolved
  | KingdeeRecordAdopted;

export type WarehouseEventType = WarehouseEvent['type'];

export const WAREHOUSE_EVENT_TYPES: readonly WarehouseEventType[] = [
  'WarehouseObservedInWdt',
  'WarehouseMissingInWdt',
  'FieldOverridden',
  'FieldOverrideRemoved',
  'SuspectedDuplicateDetected',
  'DuplicateDismissed',
  'GoldenRecordMerged',
  'GoldenRecordRetired',
  'GoldenRecordRestored',
  'KingdeeSyncSucceeded',
  'KingdeeStockForbidden',
  'KingdeeStockAbsent',
  'KingdeeSyncFailed',
  'KingdeeResyncRequested',
  'KingdeeDriftDetected',
  'KingdeeRecordMissing',
  'KingdeeFindingResolved',
  'KingdeeRecordAdopted',
];

export function isWarehouseEvent(event: { type: string }): event is WarehouseEvent {
  return (WAREHOUSE_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Every golden-field change an event carries, whatever its type. */
export function goldenChangesOf(event: WarehouseEvent): readonly GoldenFieldChange[] {
  switch (event.type) {
    case 'WarehouseObservedInWdt':
    case 'GoldenRecordMerged':
    case 'GoldenRecordRetired':
    case 'GoldenRecordRestored':
      return event.data.goldenChanges;
    case 'FieldOverridden':
    case 'FieldOverrideRemoved':
      return event.data.goldenChange ? [event.data.goldenChange] : [];
    default:
      return [];
  }
}

export const WAREHOUSE_STREAM_PREFIX = 'warehouse-';
export const streamIdOf = (goldenId: string): string => `${WAREHOUSE_STREAM_PREFIX}${goldenId}`;
export const goldenIdOfStream = (streamId: string): string | null =>
  streamId.startsWith(WAREHOUSE_STREAM_PREFIX) ? streamId.slice(WAREHOUSE_STREAM_PREFIX.length) : null;
