/**
 * One warehouse as the simulator stores and sends it: WDT's wire names and the encoding the spec
 * suggests — ids as strings, 0/1 flags as ints, times `yyyy-MM-dd HH:mm:ss` (Beijing time),
 * unset text as "" like WDT's PHP backend. Both `type` and `warehouse_type` are sent (sources show both).
 */
export interface SimWarehouse {
  warehouse_id: string;
  warehouse_no: string;
  name: string;
  type: number;
  warehouse_type: number;
  sub_type: number;
  ext_warehouse_no: string;
  province: string;
  city: string;
  district: string;
  address: string;
  contact: string;
  telno: string;
  mobile: string;
  zip: string;
  is_defect: 0 | 1;
  is_disabled: 0 | 1;
  remark: string;
  prop1: string;
  prop2: string;
  coordinates_x: string;
  coordinates_y: string;
  match_warehouse_id: string;
  priority: string;
  created: string;
  modified: string;
  /** Extra fields added through the admin API travel as they are (clients must keep unknown fields). */
  [extra: string]: unknown;
}

/** 仓库类型 (企业版, docs/wdt-api.md): the values a warehouse can have (0 is only a filter). */
export const WAREHOUSE_TYPES: Readonly<Record<number, string>> = {
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

/** `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8, no daylight saving), as WDT prints times. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The inverse of `beijingTime`; undefined when the text is not in that shape. */
export function parseBeijingTime(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s));
  return Number.isNaN(at.getTime()) ? undefined : at;
}
