import type { components } from './generated';

/**
 * The shapes the console reads (docs/architecture.md). The warehouses API DTOs are the reference; the
 * normalisers in `normalise.ts` accept the few spellings the backend may use so a renamed
 * property degrades one cell, not the page.
 */
export type Role = 'reader' | 'steward' | 'admin';
export type WarehouseStatus = 'active' | 'disabled' | 'retired';
export type SyncState = 'pending' | 'synced' | 'failed' | 'forbidden' | 'not_in_kingdee';

export interface Me {
  readonly name: string;
  readonly role: Role;
}

export interface SourceKey {
  readonly system: string;
  readonly key: string;
}

export interface Coordinates {
  readonly x: number;
  readonly y: number;
}

export type FieldValue = string | number | boolean | Coordinates | null;

export const GOLDEN_FIELDS = [
  'warehouseNo',
  'name',
  'typeCode',
  'status',
  'isDefect',
  'province',
  'city',
  'district',
  'address',
  'contact',
  'telno',
  'mobile',
  'zip',
  'remark',
  'extWarehouseNo',
  'coordinates',
] as const;
export type GoldenField = (typeof GOLDEN_FIELDS)[number];
export const OVERRIDABLE_FIELDS: readonly GoldenField[] = GOLDEN_FIELDS.filter((f) => f !== 'warehouseNo');

export type GoldenRecord = { readonly [F in GoldenField]: FieldValue } & {
  readonly typeLabel: string | null;
  readonly mergedInto: string | null;
};

export interface SyncInfo {
  readonly status: SyncState | null;
  readonly syncedVersion: number | null;
  readonly publishedVersion: number | null;
  readonly fStockId: string | null;
  readonly fNumber: string | null;
  readonly lastErrorCode: string | null;
  readonly lastErrorMessage: string | null;
  readonly lastAttemptAt: string | null;
}

export interface WarehouseRow {
  readonly goldenId: string;
  readonly version: number;
  readonly record: GoldenRecord;
  readonly sync: SyncInfo;
  readonly overriddenFields: readonly string[];
  readonly missingInWdt: boolean;
  readonly updatedAt: string | null;
}

export interface WarehousePage {
  readonly items: readonly WarehouseRow[];
  /** Per filter, the records each value would find with the other filters applied. */
  readonly facets: components['schemas']['SearchFacetsDto'];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface Lineage {
  readonly source: SourceKey | null;
  readonly rule: string | null;
  readonly at: string | null;
  readonly eventId: string | null;
}

export interface Override {
  readonly value: FieldValue;
  readonly reason: string | null;
  readonly actor: string | null;
}

/** One WDT source key of the record (several after a merge); Kingdee's ids are in `sync`. */
export interface XrefEntry {
  readonly system: string;
  readonly warehouseNo: string;
  readonly warehouseId: string | null;
  readonly active: boolean;
}

export interface QualityFlag {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface WarehouseDetail extends WarehouseRow {
  readonly lineage: Readonly<Partial<Record<string, Lineage>>>;
  readonly overrides: Readonly<Partial<Record<string, Override>>>;
  readonly xref: readonly XrefEntry[];
  readonly qualityFlags: readonly QualityFlag[];
  readonly openTasks: readonly { readonly taskId: string; readonly type: string }[];
  readonly asOf: string | null;
  /** What to send as If-Match (the response's ETag, else the quoted version). */
  readonly etag: string;
}

export interface HistoryEvent {
  readonly eventId: string;
  readonly type: string;
  readonly version: number | null;
  readonly occurredAt: string | null;
  readonly recordedAt: string | null;
  readonly actor: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface RecordRef {
  readonly goldenId: string;
  readonly warehouseNo: string | null;
  readonly name: string | null;
}

export interface StewardshipTask {
  readonly taskId: string;
  readonly type: 'duplicate' | 'sync_failure' | string;
  readonly status: 'open' | 'resolved' | string;
  readonly title: string;
  readonly record: RecordRef;
  readonly otherRecord: RecordRef | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly openedAt: string | null;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
}

/** An operator action in progress: a job (`/jobs/{id}`) or a WDT sync run (`/sync/wdt/runs/{id}`). */
export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: 'running' | 'succeeded' | 'failed' | string;
  readonly done: number | null;
  readonly total: number | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly summary: Readonly<Record<string, unknown>> | null;
  readonly error: string | null;
  /** API path (under /api/v1) to poll while it runs. */
  readonly poll: string | null;
}

/** GET /status/history: the leader's samples (oldest first) and the WDT sync runs of the last days. */
export type StatusHistory = components['schemas']['StatusHistoryDto'];
