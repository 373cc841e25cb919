import { SyncStatus } from '../projections/stream-summary';
import { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import { QualityFlag } from '../domain/quality';
import { SourceKey } from '../domain/source-keys';
import { FieldOverride, RuleKind } from '../domain/survivorship';
import { StewardshipTaskType } from './stewardship-task-types';

/** Where a golden field's current value came from. */
export interface LineageView {
  readonly value: unknown;
  readonly source: SourceKey;
  readonly rule: RuleKind;
  readonly eventId: string;
  readonly at: string;
}

export interface SyncStatusView {
  readonly status: SyncStatus;
  /** Record versions (the ETag's numbering): the last one that changed what Kingdee receives, and the one Kingdee has. */
  readonly publishedVersion: number;
  readonly syncedVersion: number | null;
  /** The same two as stream versions: the `version` of the golden-topic message (what consumers dedupe by). */
  readonly publishedStreamVersion: number;
  readonly syncedStreamVersion: number | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly lastAttemptAt: string | null;
}

export interface CrossReferenceView {
  readonly wdt: readonly {
    readonly system: string;
    readonly warehouseNo: string;
    readonly warehouseId: string | null;
    readonly active: boolean;
  }[];
  readonly kingdee: { readonly fNumber: string; readonly fStockId: string | null } | null;
}

/** GET /warehouses/{id}: the same shape whether read from the read models or folded `asOf` a time. */
export interface WarehouseDetail {
  readonly goldenId: string;
  /** The record version: steward-relevant changes only; the ETag, for If-Match. */
  readonly version: number;
  /** Every event of the record's stream, sink bookkeeping included (the golden-topic message version). */
  readonly streamVersion: number;
  readonly asOf: string | null;
  readonly record: GoldenWarehouseRecord;
  readonly lineage: Readonly<Record<string, LineageView>>;
  readonly overrides: Readonly<Record<string, FieldOverride>>;
  readonly crossReference: CrossReferenceView;
  readonly kingdeeSync: SyncStatusView;
  readonly dataQuality: { readonly missingInWdt: boolean; readonly flags: readonly QualityFlag[] };
  readonly openTasks: readonly { readonly taskId: string; readonly type: StewardshipTaskType }[];
}

export const iso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);
