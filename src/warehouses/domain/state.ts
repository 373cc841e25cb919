import { CanonicalWarehouse } from './canonical-warehouse';
import type { KingdeeFieldDrift } from './events';
import { GoldenField, GoldenValues } from './golden-fields';
import { SourceKey } from './source-keys';
import { FieldOverride, RuleKind } from './survivorship';

/** The latest observation of one source key. */
export interface SourceRecord {
  readonly source: SourceKey;
  /** The source's own internal id (WDT warehouse_id). */
  readonly externalId: string | null;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly normalised: CanonicalWarehouse;
  readonly contentHash: string;
  readonly firstObservedAt: string;
  readonly lastObservedAt: string;
  readonly missing: boolean;
}

export interface LineageEntry {
  readonly source: SourceKey;
  readonly rule: RuleKind;
}

export interface DuplicateTask {
  readonly taskId: string;
  readonly otherGoldenId: string;
  readonly score: number;
  readonly status: 'open' | 'dismissed' | 'merged';
}

export interface SyncFailureTask {
  readonly taskId: string;
  readonly version: number;
  readonly code: string;
  readonly message: string;
  readonly open: boolean;
}

export interface KingdeeState {
  readonly syncedVersion: number | null;
  readonly fStockId: string | null;
  readonly fNumber: string | null;
  readonly failures: Readonly<Record<string, SyncFailureTask>>;
  /**
   * How the retirement at `syncedVersion` reached Kingdee: its BD_STOCK forbidden, or none there to
   * forbid. Null while Kingdee holds an active record (or nothing was written yet).
   */
  readonly retirement: 'forbidden' | 'absent' | null;
}

/** A reconciliation finding's stewardship task on this record. */
export interface KingdeeFindingTask {
  readonly taskId: string;
  readonly kind: 'drift' | 'missing';
  /** The drifted fields (empty for a missing record): the same finding next run records nothing. */
  readonly drift: readonly KingdeeFieldDrift[];
  readonly open: boolean;
}

/** One golden record folded from its stream `warehouse-<goldenId>`. */
export interface WarehouseState {
  readonly goldenId: string | null;
  /**
   * Steward-relevant changes so far (source changes, overrides, merges, retirement): the ETag and
   * the version the console shows. The stream version (every event, sink bookkeeping included)
   * stays what optimistic concurrency appends against.
   */
  readonly recordVersion: number;
  /** The source key the record was created from; it keeps precedence after merges. */
  readonly primarySource: SourceKey | null;
  readonly sources: Readonly<Record<string, SourceRecord>>;
  readonly overrides: Readonly<Partial<Record<GoldenField, FieldOverride>>>;
  readonly golden: GoldenValues | null;
  readonly lineage: Readonly<Partial<Record<GoldenField, LineageEntry>>>;
  readonly mergedInto: string | null;
  readonly retiredReason: string | null;
  readonly duplicateTasks: Readonly<Record<string, DuplicateTask>>;
  readonly kingdee: KingdeeState;
  readonly kingdeeFindings: Readonly<Record<string, KingdeeFindingTask>>;
}

export function initialState(): WarehouseState {
  return {
    goldenId: null,
    recordVersion: 0,
    primarySource: null,
    sources: {},
    overrides: {},
    golden: null,
    lineage: {},
    mergedInto: null,
    retiredReason: null,
    duplicateTasks: {},
    kingdee: { syncedVersion: null, fStockId: null, fNumber: null, failures: {}, retirement: null },
    kingdeeFindings: {},
  };
}

export const exists = (state: WarehouseState): boolean => state.goldenId !== null && state.golden !== null;
export const isRetired = (state: WarehouseState): boolean => state.golden?.status === 'retired';
