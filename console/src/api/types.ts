/**
 * The shapes the console reads (DESIGN.md 2.3). The warehouses API DTOs are the reference; the
 * normalisers in `normalise.ts` accept the few spellings the backend may use so a renamed
 * property degrades one cell, not the page.
 */
export type Role = 'reader' | 'steward' | 'admin';
export type WarehouseStatus = 'active' | 'disabled' | 'retired';
export type SyncState = 'pending' | 'synced' | 'failed';

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
  'warehouseNo', 'name', 'typeCode', 'status', 'isDefect', 'province', 'city', 'district', 'address',
  'contact', 'telno', 'mobile', 'zip', 'remark', 'extWarehouseNo', 'coordinates',
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
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface Lineage {
  readonly source: SourceKey | null;
  readonly rule: string | null;
  readonly at: string | null;
  readonly eventType: string | null;
}

export interface Override {
  readonly value: FieldValue;
  readonly reason: string | null;
  readonly actor: string | null;
  readonly at: string | null;
}

export interface XrefEntry {
  readonly system: string;
  readonly sourceKey: string;
  readonly externalId: string | null;
  readonly active: boolean;
}

export interface WarehouseDetail extends WarehouseRow {
  readonly lineage: Readonly<Partial<Record<string, Lineage>>>;
  readonly overrides: Readonly<Partial<Record<string, Override>>>;
  readonly xref: readonly XrefEntry[];
  readonly asOf: string | null;
  /** What to send as If-Match (the response's ETag, else the quoted version). */
  readonly etag: string;
}

export interface HistoryEvent {
  readonly eventId: string;
  readonly type: string;
  readonly version: number | null;
  readonly position: string | null;
  readonly occurredAt: string | null;
  readonly actor: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface StewardshipTask {
  readonly taskId: string;
  readonly type: 'duplicate' | 'sync_failure' | string;
  readonly status: 'open' | 'resolved' | string;
  readonly goldenId: string;
  readonly otherGoldenId: string | null;
  readonly title: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly openedAt: string | null;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
  readonly resolvedBy: string | null;
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed' | string;
  readonly done: number | null;
  readonly total: number | null;
  readonly message: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly summary: Readonly<Record<string, unknown>> | null;
  readonly error: string | null;
}
