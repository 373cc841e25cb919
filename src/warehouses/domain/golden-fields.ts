import { DecidedGoldenField, GOLDEN_FIELD_CATALOGUE, GOLDEN_RECORD_FIELDS } from '../../contracts/golden-field-catalogue';
import { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';

/**
 * The fields survivorship decides, one by one: the published record less what follows from them
 * (`typeLabel` follows `typeCode`; `mergedInto` follows a merge), as the field catalogue says. One
 * definition, so the domain and the public message cannot drift apart.
 */
export type GoldenValues = Pick<GoldenWarehouseRecord, DecidedGoldenField>;

export type Coordinates = NonNullable<GoldenWarehouseRecord['coordinates']>;

export type GoldenField = keyof GoldenValues;
export type GoldenValue = GoldenValues[GoldenField];

export const GOLDEN_FIELDS: readonly GoldenField[] = GOLDEN_RECORD_FIELDS.filter(
  (f): f is GoldenField => GOLDEN_FIELD_CATALOGUE[f].decided,
);

/**
 * What a steward may override (the catalogue's `overridable`). warehouse_no is the identity WDT and
 * Kingdee (FNumber) share, so changing it would break the cross-reference; status `retired` goes
 * through retirement instead.
 */
export const OVERRIDABLE_FIELDS: readonly GoldenField[] = GOLDEN_FIELDS.filter((f) => GOLDEN_FIELD_CATALOGUE[f].overridable);

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
