import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { codeOf } from '../../shared/domain/warehouse-code';
import { Coordinates, GoldenValues } from './golden-fields';
import { normalisePhone } from './phone';
import { QualityFlag, checkRegion } from './quality';
import { cleanText, typedText } from '../../shared/domain/text';
import { isKnownWarehouseType, warehouseTypeLabel } from './warehouse-types';

/** One source's view of a warehouse after normalisation: golden field values plus source-only details. */
export interface CanonicalWarehouse extends GoldenValues {
  readonly warehouseId: string | null;
  readonly typeLabel: string | null;
  readonly subType: number | null;
  /** Warn-level data-quality findings: the value is kept as given (tidied), never rejected. */
  readonly qualityFlags: readonly QualityFlag[];
}

export function normaliseWdtWarehouse(w: WdtWarehouse): CanonicalWarehouse {
  const flags: QualityFlag[] = [];
  const region = checkRegion(cleanText(w.province), cleanText(w.city), cleanText(w.district));
  flags.push(...region.flags);
  const typeCode = w.type ?? null;
  if (typeCode !== null && !isKnownWarehouseType(typeCode))
    flags.push({ field: 'typeCode', code: 'type_unknown', message: `仓库类型 ${typeCode} is not in the WDT enum` });
  const name = typedText(w.name);
  if (name === null) flags.push({ field: 'name', code: 'name_missing', message: 'the warehouse has no name' });
  return {
    warehouseNo: codeOf(w.warehouseNo),
    warehouseId: cleanText(w.warehouseId),
    name: name ?? '',
    typeCode,
    typeLabel: warehouseTypeLabel(typeCode),
    subType: w.subType ?? null,
    status: w.isDisabled ? 'disabled' : 'active',
    isDefect: w.isDefect ?? false,
    ...region.values,
    address: typedText(w.address),
    contact: typedText(w.contact),
    telno: phoneField('telno', w.telno, flags),
    mobile: phoneField('mobile', w.mobile, flags),
    zip: zipField(w.zip, flags),
    remark: typedText(w.remark),
    extWarehouseNo: cleanText(w.extWarehouseNo),
    coordinates: coordinatesOf(w.coordinatesX, w.coordinatesY),
    qualityFlags: flags,
  };
}

function phoneField(field: 'telno' | 'mobile', value: string | undefined, flags: QualityFlag[]): string | null {
  const phone = normalisePhone(value);
  if (phone === null) return null;
  if (phone.kind === 'invalid')
    flags.push({ field, code: `${field}_invalid`, message: `"${phone.value}" is not a recognisable phone number` });
  if (field === 'mobile' && (phone.kind === 'landline' || phone.kind === 'local'))
    flags.push({ field, code: 'mobile_is_landline', message: `"${phone.value}" is a landline, not a mobile` });
  if (phone.kind === 'local') flags.push({ field, code: `${field}_without_area_code`, message: `"${phone.value}" has no area code` });
  return phone.value;
}

function zipField(value: string | undefined, flags: QualityFlag[]): string | null {
  const zip = cleanText(value);
  if (zip !== null && !/^\d{6}$/.test(zip)) flags.push({ field: 'zip', code: 'zip_invalid', message: `邮编 "${zip}" is not six digits` });
  return zip;
}

/** WDT sends 0/0 for "not set"; a real warehouse is never at null island. */
function coordinatesOf(x: number | undefined, y: number | undefined): Coordinates | null {
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (x === 0 && y === 0) return null;
  return { x, y };
}
