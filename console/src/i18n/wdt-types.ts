/** WDT 企业版 仓库类型 codes (docs/wdt-api.md), labelled in both languages. */
export const WDT_TYPES: ReadonlyArray<{ code: number; zh: string; en: string }> = [
  { code: 1, zh: '普通仓库', en: 'Standard' },
  { code: 2, zh: '自动流传外部', en: 'Auto-forwarded external' },
  { code: 3, zh: '京东仓储', en: 'JD Logistics' },
  { code: 4, zh: '科捷', en: 'Kejie' },
  { code: 5, zh: '百世物流', en: 'Best Logistics' },
  { code: 6, zh: 'SKU360', en: 'SKU360' },
  { code: 7, zh: '通天晓', en: 'Tongtianxiao' },
  { code: 8, zh: '中联网仓', en: 'Zhonglian' },
  { code: 9, zh: '顺丰仓储', en: 'SF Warehousing' },
  { code: 10, zh: '网仓2号', en: 'Wangcang 2' },
  { code: 11, zh: '奇门仓储', en: 'Qimen warehousing' },
  { code: 12, zh: '旺店通仓储', en: 'WDT warehousing' },
  { code: 13, zh: '心怡仓储', en: 'Xinyi' },
  { code: 14, zh: '力威仓储', en: 'Liwei' },
  { code: 15, zh: '京东沧海', en: 'JD Canghai' },
  { code: 16, zh: '云集仓储', en: 'Yunji' },
  { code: 17, zh: 'POS', en: 'POS' },
  { code: 18, zh: '虎符', en: 'Hufu' },
  { code: 20, zh: '外部链路型', en: 'External link' },
  { code: 22, zh: '抖店云仓', en: 'Douyin cloud' },
  { code: 126, zh: '分销委外仓', en: 'Distribution outsourced' },
  { code: 127, zh: '其它', en: 'Other' },
];

export function wdtTypeLabel(code: number | null | undefined, lang: 'zh-CN' | 'en'): string {
  if (code === null || code === undefined) return '—';
  const found = WDT_TYPES.find((t) => t.code === code);
  if (!found) return String(code);
  return lang === 'en' ? found.en : found.zh;
}
