import { CanonicalWarehouse } from './canonical-warehouse';
import { SourceFieldChange } from './events';
import { sameValue } from './golden-fields';

/** Canonical fields and the names WDT gives them: source changes speak the source's language. */
const WDT_FIELD_NAMES: Readonly<Partial<Record<keyof CanonicalWarehouse, string>>> = {
  warehouseNo: 'warehouse_no',
  warehouseId: 'warehouse_id',
  name: 'name',
  typeCode: 'type',
  subType: 'sub_type',
  status: 'is_disabled',
  isDefect: 'is_defect',
  province: 'province',
  city: 'city',
  district: 'district',
  address: 'address',
  contact: 'contact',
  telno: 'telno',
  mobile: 'mobile',
  zip: 'zip',
  remark: 'remark',
  extWarehouseNo: 'ext_warehouse_no',
  coordinates: 'coordinates',
};

/** Source fields whose normalised value differs; on a first observation, every field that has a value. */
export function diffSource(previous: CanonicalWarehouse | undefined, next: CanonicalWarehouse): SourceFieldChange[] {
  const changes: SourceFieldChange[] = [];
  for (const [canonical, wdtName] of Object.entries(WDT_FIELD_NAMES) as [keyof CanonicalWarehouse, string][]) {
    const old = previous ? previous[canonical] : null;
    const value = next[canonical];
    if (!sameValue(old, value) && !(previous === undefined && value === null)) changes.push({ field: wdtName, old, new: value });
  }
  return changes;
}
