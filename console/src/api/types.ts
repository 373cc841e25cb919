import type { components } from './generated';

/** The console reads the hub's responses as its OpenAPI document describes them (generated.ts). */
type Schemas = components['schemas'];

export type Me = Schemas['MeView'];
export type Role = Me['role'];
export type GoldenRecord = Schemas['GoldenRecordDto'];
export type FieldValue = Schemas['OverrideDto']['value'];
export type SourceKey = Schemas['SourceKeyDto'];
export type SyncState = Schemas['KingdeeSyncDto']['status'];
export type WarehousePage = Schemas['WarehousePageDto'];
export type WarehouseDetail = Schemas['WarehouseDetailDto'];
export type HistoryEvent = Schemas['HistoryEntryDto'];
export type StewardshipTask = Schemas['StewardshipTaskDto'];
export type RecordRef = Schemas['TaskRecordRefDto'];
export type JobView = Schemas['JobViewDto'];
export type SyncRun = Schemas['SyncRunDto'];
export type HubStatus = Schemas['HubStatusDto'];
export type StatusHistory = Schemas['StatusHistoryDto'];

/** The golden fields in the order the console shows them (typeLabel and mergedInto are shown elsewhere). */
export type GoldenField = Exclude<keyof GoldenRecord, 'typeLabel' | 'mergedInto'>;
export const GOLDEN_FIELDS: readonly GoldenField[] = [
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
];
export const OVERRIDABLE_FIELDS: readonly GoldenField[] = GOLDEN_FIELDS.filter((f) => f !== 'warehouseNo');

/** Console view: an operator action in progress, a job (`/jobs/{id}`) or a WDT sync run (`/sync/wdt/runs/{id}`). */
export interface Job {
  readonly id: string;
  readonly kind: 'sync-wdt' | 'replay' | 'resync-kingdee';
  readonly status: JobView['status'] | SyncRun['status'];
  readonly done: number | null;
  readonly total: number | null;
  readonly startedAt: string | null;
  readonly summary: Readonly<Record<string, unknown>> | null;
  readonly error: string | null;
  /** API path (under /api/v1) to poll while it runs. */
  readonly poll: string;
}
