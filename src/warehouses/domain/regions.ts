/**
 * China's 34 provincial-level divisions, enough to recognise and canonicalise 省 (`上海`, `上海市`,
 * `广西`, `广西壮族自治区` → one spelling each) so that matching can compare regions. Not a full
 * administrative gazetteer: unknown values are kept and flagged, never rejected.
 */
export interface Province {
  readonly name: string;
  readonly short: string;
  readonly municipality: boolean;
}

const MUNICIPALITIES = ['北京', '天津', '上海', '重庆'];
const PROVINCES = [
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
];
const AUTONOMOUS: Record<string, string> = {
  内蒙古: '内蒙古自治区',
  广西: '广西壮族自治区',
  西藏: '西藏自治区',
  宁夏: '宁夏回族自治区',
  新疆: '新疆维吾尔自治区',
};
const SPECIAL: Record<string, string> = { 香港: '香港特别行政区', 澳门: '澳门特别行政区' };

export const ALL_PROVINCES: readonly Province[] = [
  ...MUNICIPALITIES.map((short) => ({ short, name: `${short}市`, municipality: true })),
  ...PROVINCES.map((short) => ({ short, name: `${short}省`, municipality: false })),
  ...Object.entries({ ...AUTONOMOUS, ...SPECIAL }).map(([short, name]) => ({ short, name, municipality: false })),
];

/** What may follow the short name: `广西`, `广西省` (a common mistake), `广西自治区`, the official name. */
const ACCEPTED_SUFFIXES = ['', '省', '市', '自治区', '特别行政区', '特区'];

export function findProvince(value: string | null): Province | null {
  if (value === null) return null;
  for (const province of ALL_PROVINCES) {
    if (value === province.name) return province;
    if (value.startsWith(province.short) && ACCEPTED_SUFFIXES.includes(value.slice(province.short.length))) return province;
  }
  return null;
}

/** In a 直辖市 the city level is the municipality itself; these spellings all mean that. */
export function isMunicipalityCity(province: Province, city: string): boolean {
  return [province.short, province.name, '市辖区', '县', `${province.short}城区`].includes(city);
}

/** `上海市` and `上海` are the same city for comparison; so are `苏州市` and `苏州`. */
export function sameCity(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const strip = (city: string) => (city.length > 2 ? city.replace(/市$/, '') : city);
  return strip(a) === strip(b);
}

/** A key equal for records in the same 省/市 however they spell it; null when either is unknown. */
export function regionKey(province: string | null, city: string | null): string | null {
  if (province === null || city === null) return null;
  return `${findProvince(province)?.name ?? province}|${city.length > 2 ? city.replace(/市$/, '') : city}`;
}
