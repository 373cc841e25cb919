/** WDT 企业版 仓库类型 (docs/wdt-api.md). 0 (不限) is a query filter, never a warehouse's type. */
export const WDT_WAREHOUSE_TYPES: Readonly<Record<number, string>> = {
  1: '普通仓库',
  2: '自动流传外部',
  3: '京东仓储',
  4: '科捷',
  5: '百世物流',
  6: 'SKU360',
  7: '通天晓',
  8: '中联网仓',
  9: '顺丰仓储',
  10: '网仓2号',
  11: '奇门仓储',
  12: '旺店通仓储',
  13: '心怡仓储',
  14: '力威仓储',
  15: '京东沧海',
  16: '云集仓储',
  17: 'POS',
  18: '虎符',
  20: '外部链路型',
  22: '抖店云仓',
  126: '分销委外仓',
  127: '其它',
};

export function warehouseTypeLabel(code: number | null): string | null {
  if (code === null) return null;
  return WDT_WAREHOUSE_TYPES[code] ?? null;
}

export function isKnownWarehouseType(code: number): boolean {
  return Object.hasOwn(WDT_WAREHOUSE_TYPES, code);
}
