import { findProvince, isMunicipalityCity } from './regions';

/** A warn-level data-quality finding on one field. */
export interface QualityFlag {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface RegionCheck {
  readonly values: { readonly province: string | null; readonly city: string | null; readonly district: string | null };
  readonly flags: readonly QualityFlag[];
}

/** Canonicalises 省 and, in a 直辖市, 市; flags what looks wrong but keeps it. */
export function checkRegion(province: string | null, city: string | null, district: string | null): RegionCheck {
  const flags: QualityFlag[] = [];
  const known = findProvince(province);
  if (province === null) flags.push({ field: 'province', code: 'province_missing', message: '省 is empty' });
  else if (known === null)
    flags.push({ field: 'province', code: 'province_unknown', message: `省 "${province}" is not a provincial-level division` });
  let canonicalCity = city;
  if (city === null) flags.push({ field: 'city', code: 'city_missing', message: '市 is empty' });
  else if (known?.municipality) {
    if (isMunicipalityCity(known, city)) canonicalCity = known.name;
    else if (findProvince(city) !== null)
      flags.push({ field: 'city', code: 'city_not_in_province', message: `市 "${city}" is not in ${known.name}` });
  } else if (known && findProvince(city)?.municipality) {
    flags.push({ field: 'city', code: 'city_not_in_province', message: `市 "${city}" is a 直辖市, not in ${known.name}` });
  }
  if (district === null) flags.push({ field: 'district', code: 'district_missing', message: '区/县 is empty' });
  return { values: { province: known?.name ?? province, city: canonicalCity, district }, flags };
}
