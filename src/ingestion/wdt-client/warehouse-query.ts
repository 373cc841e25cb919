/** warehouse_query's filters (docs/wdt-api.md). Without `isDisabled` WDT returns enabled warehouses only. */
export interface WdtWarehouseQuery {
  readonly warehouseNo?: string;
  readonly type?: number;
  readonly subType?: number;
  readonly isDisabled?: boolean;
}

/** Only params with a value are sent, so we sign exactly what we send (docs/wdt-api.md). */
export function businessParams(query: WdtWarehouseQuery, pageNo: number, pageSize: number): Record<string, string> {
  const params: Record<string, string> = { page_no: String(pageNo), page_size: String(pageSize) };
  if (query.warehouseNo !== undefined && query.warehouseNo !== '') params.warehouse_no = query.warehouseNo;
  if (query.type !== undefined && query.type !== 0) params.type = String(query.type);
  if (query.subType !== undefined) params.sub_type = String(query.subType);
  if (query.isDisabled !== undefined) params.is_disabled = query.isDisabled ? '1' : '0';
  return params;
}
