import { SimWarehouse, beijingTime } from '../sim-warehouse';
import { landline, mobile, personName } from './people';
import { Pick, picker, seededRandom } from './prng';
import { REGIONS, Region } from './regions';

interface Kind {
  readonly weight: number;
  readonly type: number;
  readonly suffix: string;
  readonly subType?: number;
  /** Prefix of the outsourced provider's own warehouse code. */
  readonly extPrefix?: string;
}

// Mostly own warehouses, some run by 3PLs / platforms (docs/wdt-api.md), some 其它 stores with a sub_type.
const KINDS: readonly Kind[] = [
  { weight: 40, type: 1, suffix: '仓' },
  { weight: 10, type: 1, suffix: '退货仓' },
  { weight: 8, type: 1, suffix: '中心仓' },
  { weight: 6, type: 1, suffix: '电商仓' },
  { weight: 4, type: 1, suffix: '前置仓' },
  { weight: 5, type: 3, suffix: '京东仓', extPrefix: 'JDWMS' },
  { weight: 5, type: 9, suffix: '顺丰仓', extPrefix: 'SFWMS' },
  { weight: 5, type: 11, suffix: '奇门云仓', extPrefix: 'QM' },
  { weight: 3, type: 12, suffix: '旺店通云仓', extPrefix: 'WDTWMS' },
  { weight: 3, type: 22, suffix: '抖店云仓', extPrefix: 'DYYC' },
  { weight: 3, type: 126, suffix: '分销委外仓', extPrefix: 'FX' },
  { weight: 4, type: 127, suffix: '门店仓', subType: 1 },
  { weight: 2, type: 127, suffix: '线下虚拟仓', subType: 2 },
];
const REMARKS = ['双11临时扩容', '仅发华东订单', '含冷链区', '大件专用', '跨境保税', '周末不发货', '夜间收货'];
const NUMERALS = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BASE_TIME = Date.UTC(2023, 0, 3, 1, 0, 0);

/**
 * Makes realistic warehouses one after another from a seed: the same seed always gives the same
 * sequence, and names and codes stay unique however many are made.
 */
export class WarehouseFactory {
  private readonly pick: Pick;
  private readonly usedNames = new Set<string>();
  private seq = 0;
  private clock = BASE_TIME;
  private lastNormal: SimWarehouse | undefined;

  constructor(seed = 1) {
    this.pick = picker(seededRandom(seed));
  }

  next(): SimWarehouse {
    this.seq += 1;
    const defect = this.lastNormal !== undefined && this.pick.chance(0.07);
    const kind = defect ? { weight: 0, type: 1, suffix: '残次仓' } : this.kind();
    const region = defect ? regionOf(this.lastNormal!) : this.pick.one(REGIONS);
    const warehouse = this.build(region, kind, defect);
    if (defect) {
      warehouse.match_warehouse_id = this.lastNormal!.warehouse_id;
      this.lastNormal!.match_warehouse_id = warehouse.warehouse_id;
      this.lastNormal = undefined;
    } else if (kind.type === 1) {
      this.lastNormal = warehouse;
    }
    return warehouse;
  }

  private build(region: Region, kind: Kind, defect: boolean): SimWarehouse {
    const p = this.pick;
    // Created in sequence, a few hours to a day or so apart.
    this.clock += 3_600_000 * p.int(6, 30);
    const created = this.clock;
    const disabled = p.chance(0.05);
    return {
      warehouse_id: String(this.seq),
      warehouse_no: `${region.code}${String(this.seq).padStart(3, '0')}`,
      name: this.uniqueName(region.short, kind.suffix),
      type: kind.type,
      warehouse_type: kind.type,
      sub_type: kind.subType ?? 0,
      ext_warehouse_no: kind.extPrefix ? `${kind.extPrefix}${p.digits(8)}` : '',
      province: region.province,
      city: region.city,
      district: region.district,
      address: `${region.district}${p.one(region.streets)}${p.int(1, 999)}号${p.chance(0.4) ? `${p.int(1, 12)}号库` : ''}`,
      contact: personName(p),
      telno: p.chance(0.8) ? landline(p, region.areaCode) : '',
      mobile: mobile(p),
      zip: region.zip,
      is_defect: defect ? 1 : 0,
      is_disabled: disabled ? 1 : 0,
      remark: disabled ? '已停用' : p.chance(0.2) ? p.one(REMARKS) : '',
      prop1: '',
      prop2: '',
      coordinates_x: (region.lng + (p.random() - 0.5) * 0.2).toFixed(6),
      coordinates_y: (region.lat + (p.random() - 0.5) * 0.2).toFixed(6),
      match_warehouse_id: '0',
      priority: String(p.int(0, 10)),
      created: beijingTime(new Date(created)),
      modified: beijingTime(new Date(created + p.int(0, 400) * 86_400_000 + p.int(0, 86_399) * 1000)),
    };
  }

  private kind(): Kind {
    const total = KINDS.reduce((sum, k) => sum + k.weight, 0);
    let roll = this.pick.random() * total;
    for (const kind of KINDS) {
      roll -= kind.weight;
      if (roll < 0) return kind;
    }
    return KINDS[0]!;
  }

  /** 上海青浦仓, then 上海青浦二号仓 … 上海青浦十号仓, then 上海青浦11号仓. */
  private uniqueName(place: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const ordinal = n === 1 ? '' : n <= 10 ? `${NUMERALS[n - 2]}号` : `${n}号`;
      const name = `${place}${ordinal}${suffix}`;
      if (!this.usedNames.has(name)) {
        this.usedNames.add(name);
        return name;
      }
    }
  }
}

function regionOf(w: SimWarehouse): Region {
  return REGIONS.find((r) => r.district === w.district && r.city === w.city) ?? REGIONS[0]!;
}

/** `count` warehouses from `seed`, plus the factory to make more of the same family later. */
export function generateWarehouses(count: number, seed = 1): { warehouses: SimWarehouse[]; factory: WarehouseFactory } {
  const factory = new WarehouseFactory(seed);
  const warehouses = Array.from({ length: count }, () => factory.next());
  return { warehouses, factory };
}
