/**
 * The public message on `mdm.warehouse.golden.v1` (docs/architecture.md). Key = goldenId. At-least-once:
 * consumers dedupe by (goldenId, version). Documented as JSON Schema in
 * `schemas/mdm.warehouse.golden.v1.schema.json`, generated from the field catalogue
 * (golden-field-catalogue.ts), which must agree with the record type; changing either is a contract change.
 */
export const GOLDEN_SCHEMA_ID = 'mdm.warehouse.golden/1';

export type GoldenChange = 'created' | 'updated' | 'retired';
export type WarehouseStatus = 'active' | 'disabled' | 'retired';

/** The canonical warehouse as published (survivorship and steward overrides applied). */
export interface GoldenWarehouseRecord {
  readonly warehouseNo: string;
  readonly name: string;
  /** WDT 仓库类型 code and its label, e.g. 11 / 奇门仓储. */
  readonly typeCode: number | null;
  readonly typeLabel: string | null;
  readonly status: WarehouseStatus;
  readonly isDefect: boolean;
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
  readonly address: string | null;
  readonly contact: string | null;
  readonly telno: string | null;
  readonly mobile: string | null;
  readonly zip: string | null;
  readonly remark: string | null;
  readonly extWarehouseNo: string | null;
  readonly coordinates: { readonly x: number; readonly y: number } | null;
  /** Set when this record was merged into another. */
  readonly mergedInto: string | null;
}

export interface GoldenRecordChangedV1 {
  readonly schema: typeof GOLDEN_SCHEMA_ID;
  readonly eventId: string;
  readonly goldenId: string;
  /** The golden record's stream version after this change. */
  readonly version: number;
  /** The event's global position in the hub's event store (a decimal string). */
  readonly position: string;
  readonly occurredAt: string;
  readonly change: GoldenChange;
  readonly changedFields: readonly (keyof GoldenWarehouseRecord)[];
  readonly record: GoldenWarehouseRecord;
  /** Raw fields of the newest observation per source system, as the source sent them. */
  readonly sources: { readonly wdt?: Readonly<Record<string, unknown>> };
  readonly correlationId?: string;
}
