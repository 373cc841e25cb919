import { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';

/**
 * The fields survivorship decides, one by one: the published record less what follows from them
 * (`typeLabel` follows `typeCode`; `mergedInto` follows a merge). One definition, so the domain and
 * the public message cannot drift apart.
 */
export type GoldenValues = Omit<GoldenWarehouseRecord, 'typeLabel' | 'mergedInto'>;

export type Coordinates = NonNullable<GoldenWarehouseRecord['coordinates']>;

export type GoldenField = keyof GoldenValues;
export type GoldenValue = GoldenValues[GoldenField];

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

/**
 * What a steward may override. warehouse_no is the identity WDT and Kingdee (FNumber) share, so
 * changing it would break the cross-reference; status `retired` goes through retirement instead.
 */
export const OVERRIDABLE_FIELDS: readonly GoldenField[] = GOLDEN_FIELDS.filter((f) => f !== 'warehouseNo');

export function isGoldenField(name: string): name is GoldenField {
  return (GOLDEN_FIELDS as readonly string[]).includes(name);
}

export function isOverridableField(name: string): name is GoldenField {
  return (OVERRIDABLE_FIELDS as readonly string[]).includes(name);
}

/** Structural equality for field values (coordinates are objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ca = a as Coordinates;
  const cb = b as Coordinates;
  return ca.x === cb.x && ca.y === cb.y;
}
