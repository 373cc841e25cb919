import { GOLDEN_SCHEMA_ID, type GoldenRecordChangedV1, type GoldenWarehouseRecord } from '../contracts/golden-record-changed.v1';

/** A realistic golden-record message for tests: 奇门仓储 warehouse with a steward-overridden name. */
export function sampleGoldenMessage(
  overrides: {
    goldenId?: string;
    version?: number;
    record?: Partial<GoldenWarehouseRecord>;
    wdt?: Record<string, unknown>;
  } = {},
): GoldenRecordChangedV1 {
  const record: GoldenWarehouseRecord = {
    warehouseNo: 'CK001',
    name: '杭州萧山主仓',
    typeCode: 11,
    typeLabel: '奇门仓储',
    status: 'active',
    isDefect: false,
    province: '浙江省',
    city: '杭州市',
    district: '萧山区',
    address: '宁围街道市心北路 88 号',
    contact: '王五',
    telno: '0571-88886666',
    mobile: '13800000000',
    zip: '311200',
    remark: '电商主仓',
    extWarehouseNo: 'QM-HZ-01',
    coordinates: { x: 120.27, y: 30.18 },
    mergedInto: null,
    ...overrides.record,
  };
  return {
    schema: GOLDEN_SCHEMA_ID,
    eventId: `evt-${overrides.goldenId ?? 'g-1'}-${overrides.version ?? 3}`,
    goldenId: overrides.goldenId ?? 'g-1',
    version: overrides.version ?? 3,
    position: '42',
    occurredAt: '2026-11-28T09:00:00.000Z',
    change: 'updated',
    changedFields: ['name'],
    record,
    sources: {
      wdt: {
        warehouse_no: record.warehouseNo,
        warehouse_id: '1024',
        name: '萧山仓',
        type: '11',
        prop1: '华东',
        is_outer_stock: '1',
        ...overrides.wdt,
      },
    },
  };
}
