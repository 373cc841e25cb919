import { CanonicalWarehouse } from './canonical-warehouse';
import { SourceFieldChange } from './events';
import { GOLDEN_FIELDS, GoldenField, sameValue } from './golden-fields';
import { goldenFieldSpec } from '../../contracts/golden-field-catalogue';

/** WDT fields the golden record lacks, each beside the golden field it follows in source changes. */
const SOURCE_ONLY: Partial<Record<GoldenField, readonly [keyof CanonicalWarehouse, string]>> = {
  warehouseNo: ['warehouseId', 'warehouse_id'],
  typeCode: ['subType', 'sub_type'],
};

/** Canonical fields and the names WDT gives them (the field catalogue's): source changes speak the source's language. */
const WDT_FIELD_NAMES: readonly (readonly [keyof CanonicalWarehouse, string])[] = GOLDEN_FIELDS.flatMap((f) => {
  const wdt = goldenFieldSpec(f).wdt;
  const only = SOURCE_ONLY[f];
  return [...(wdt ? [[f, wdt.field] as const] : []), ...(only ? [only] : [])];
});

/** Source fields whose normalised value differs; on a first observation, every field that has a value. */
export function diffSource(previous: CanonicalWarehouse | undefined, next: CanonicalWarehouse): SourceFieldChange[] {
  const changes: SourceFieldChange[] = [];
  for (const [canonical, wdtName] of WDT_FIELD_NAMES) {
    const old = previous ? previous[canonical] : null;
    const value = next[canonical];
    if (!sameValue(old, value) && !(previous === undefined && value === null)) changes.push({ field: wdtName, old, new: value });
  }
  return changes;
}
