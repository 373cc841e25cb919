import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wdtWarehouse } from '../testing/fixtures';
import { normaliseWdtWarehouse } from './canonical-warehouse';
import { ALL_PROVINCES, findProvince } from './regions';
import { warehouseTypeLabel } from './warehouse-types';

const codes = (w: ReturnType<typeof normaliseWdtWarehouse>) => w.qualityFlags.map((f) => f.code);

describe('normalising a WDT warehouse', () => {
  it('produces the canonical record: cleaned text, phones, region, status, type label, coordinates', () => {
    const w = normaliseWdtWarehouse(wdtWarehouse({ name: ' 上海浦东仓　（主仓） ', warehouseNo: 'ＳＨ-ＰＤ-01', type: 11 }));
    assert.equal(w.warehouseNo, 'SH-PD-01');
    assert.equal(w.name, '上海浦东仓 （主仓）', 'names keep what WDT users typed: trimmed, whitespace collapsed');
    assert.equal(w.typeCode, 11);
    assert.equal(w.typeLabel, '奇门仓储');
    assert.equal(w.province, '上海市');
    assert.equal(w.city, '上海市');
    assert.equal(w.telno, '021-58881234');
    assert.equal(w.mobile, '13800138000');
    assert.equal(w.status, 'active');
    assert.equal(w.isDefect, false);
    assert.deepEqual(w.coordinates, { x: 121.71, y: 31.19 });
    assert.deepEqual(w.qualityFlags, []);
  });

  it('maps is_disabled to status and keeps is_defect', () => {
    const w = normaliseWdtWarehouse(wdtWarehouse({ isDisabled: true, isDefect: true }));
    assert.equal(w.status, 'disabled');
    assert.equal(w.isDefect, true);
  });

  it('treats 0/0 coordinates as unset', () => {
    assert.equal(normaliseWdtWarehouse(wdtWarehouse({ coordinatesX: 0, coordinatesY: 0 })).coordinates, null);
  });

  it('flags, but keeps, questionable data', () => {
    const w = normaliseWdtWarehouse(wdtWarehouse({ province: '华东', city: undefined, mobile: '021-12345678', zip: '2012', type: 99 }));
    assert.equal(w.province, '华东');
    assert.equal(w.mobile, '021-12345678');
    assert.deepEqual(codes(w).sort(), ['city_missing', 'mobile_is_landline', 'province_unknown', 'type_unknown', 'zip_invalid']);
  });

  it('flags a city that is another 直辖市', () => {
    assert.deepEqual(codes(normaliseWdtWarehouse(wdtWarehouse({ province: '上海', city: '北京市' }))), ['city_not_in_province']);
    assert.deepEqual(codes(normaliseWdtWarehouse(wdtWarehouse({ province: '江苏省', city: '上海' }))), ['city_not_in_province']);
  });

  it('canonicalises 市辖区 in a 直辖市 to the municipality', () => {
    assert.equal(normaliseWdtWarehouse(wdtWarehouse({ province: '北京市', city: '市辖区', district: '朝阳区' })).city, '北京市');
  });
});

describe('regions and types', () => {
  const spellings: [string, string][] = [
    ['上海', '上海市'],
    ['上海市', '上海市'],
    ['广东', '广东省'],
    ['广东省', '广东省'],
    ['广西', '广西壮族自治区'],
    ['广西省', '广西壮族自治区'],
    ['广西自治区', '广西壮族自治区'],
    ['内蒙古自治区', '内蒙古自治区'],
    ['黑龙江', '黑龙江省'],
    ['香港', '香港特别行政区'],
  ];
  for (const [input, name] of spellings) it(`${input} → ${name}`, () => assert.equal(findProvince(input)?.name, name));

  it('does not mistake a full address for a province', () => assert.equal(findProvince('广东省深圳市'), null));
  it('has 34 provincial-level divisions, 4 of them 直辖市', () => {
    assert.equal(ALL_PROVINCES.length, 34);
    assert.deepEqual(
      ALL_PROVINCES.filter((p) => p.municipality).map((p) => p.name),
      ['北京市', '天津市', '上海市', '重庆市'],
    );
  });

  it('decodes the full WDT type enum', () => {
    assert.equal(warehouseTypeLabel(1), '普通仓库');
    assert.equal(warehouseTypeLabel(11), '奇门仓储');
    assert.equal(warehouseTypeLabel(22), '抖店云仓');
    assert.equal(warehouseTypeLabel(126), '分销委外仓');
    assert.equal(warehouseTypeLabel(127), '其它');
    assert.equal(warehouseTypeLabel(0), null);
    assert.equal(warehouseTypeLabel(19), null);
  });
});
