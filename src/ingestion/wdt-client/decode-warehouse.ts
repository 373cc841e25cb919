import { decimal, flag, integer, isPlainObject, text } from './lenient';
import { warehouseCode } from '../../shared/domain/warehouse-code';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';

export type DecodedRow = { readonly ok: true; readonly warehouse: WdtWarehouse } | { readonly ok: false; readonly problem: string };

/**
 * One `warehouses[]` row → `WdtWarehouse`. Only a missing warehouse_no (the identity every later step
 * keys on) makes a row undecodable; every other field is optional and read leniently. `raw` keeps the
 * row exactly as sent, unknown fields included, so nothing WDT says is lost.
 */
export function decodeWarehouse(row: unknown): DecodedRow {
  if (!isPlainObject(row)) return { ok: false, problem: `expected an object, got ${kindOf(row)}` };
  const warehouseNo = text(row.warehouse_no);
  if (warehouseNo === undefined || warehouseCode(warehouseNo) === null) return { ok: false, problem: 'it has no warehouse_no' };
  const warehouse: WdtWarehouse = {
    warehouseNo,
    warehouseId: text(row.warehouse_id),
    // The contract types name as a string: a nameless row keeps '' rather than being dropped.
    name: text(row.name) ?? '',
    type: integer(row.type) ?? integer(row.warehouse_type),
    subType: integer(row.sub_type),
    extWarehouseNo: text(row.ext_warehouse_no),
    province: text(row.province),
    city: text(row.city),
    district: text(row.district),
    address: text(row.address),
    contact: text(row.contact),
    telno: text(row.telno),
    mobile: text(row.mobile),
    zip: text(row.zip),
    isDefect: flag(row.is_defect),
    isDisabled: flag(row.is_disabled),
    remark: text(row.remark),
    coordinatesX: decimal(row.coordinates_x),
    coordinatesY: decimal(row.coordinates_y),
    matchWarehouseId: text(row.match_warehouse_id),
    priority: integer(row.priority),
    created: text(row.created),
    modified: text(row.modified),
    raw: Object.freeze({ ...row }),
  };
  return { ok: true, warehouse };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
