import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { wdtWarehouse } from './fixtures';

const REGIONS = [
  ['上海市', '上海市', ['浦东新区', '嘉定区', '松江区', '青浦区']],
  ['广东省', '广州市', ['白云区', '番禺区', '黄埔区']],
  ['广东省', '深圳市', ['宝安区', '龙岗区', '龙华区']],
  ['浙江省', '杭州市', ['萧山区', '余杭区', '临平区']],
  ['江苏省', '苏州市', ['吴中区', '昆山市', '相城区']],
  ['北京市', '北京市', ['朝阳区', '顺义区', '大兴区']],
  ['四川省', '成都市', ['双流区', '新都区', '龙泉驿区']],
  ['湖北省', '武汉市', ['东西湖区', '江夏区', '蔡甸区']],
] as const;
const KINDS = ['中心仓', '电商仓', '退货仓', '前置仓', '冷链仓', '保税仓', '大件仓', '配送中心'];
const STREETS = ['物流园路', '航空路', '工业大道', '兴业路', '保税区路', '仓储路', '港城大道', '发展大道'];

/** `n` distinct, realistic WDT warehouses (deterministic), spread over eight cities. */
export function generatedWarehouses(n: number, prefix = 'WH'): WdtWarehouse[] {
  return Array.from({ length: n }, (_, i) => {
    const [province, city, districts] = REGIONS[i % REGIONS.length]!;
    const district = districts[Math.floor(i / REGIONS.length) % districts.length]!;
    const kind = KINDS[Math.floor(i / 24) % KINDS.length]!;
    return wdtWarehouse({
      warehouseNo: `${prefix}${String(i).padStart(5, '0')}`,
      warehouseId: String(10_000 + i),
      name: `${city.replace('市', '')}${district}${kind}${i}号`,
      province,
      city,
      district,
      address: `${district}${STREETS[i % STREETS.length]}${100 + (i % 900)}号${i}栋`,
      type: [1, 11, 12, 9][i % 4],
      contact: '王强',
      mobile: `139${String(i).padStart(8, '0')}`,
      telno: undefined,
      zip: undefined,
      coordinatesX: undefined,
      coordinatesY: undefined,
    });
  });
}
