import type { GoldenRecordChangedV1, GoldenWarehouseRecord } from '../contracts/golden-record-changed.v1';
import { codeOf } from '../shared/domain/warehouse-code';

/**
 * The variables a mapping template may use. Golden-record fields come first (they carry survivorship
 * and steward overrides); names not on the golden record fall back to the newest raw WDT
 * observation (`sources.wdt`). `wdt.<field>` always reads the raw WDT value, for the rare mapping
 * that must ignore overrides; it accepts any field name because WDT adds fields over time.
 */
const GOLDEN_FIELDS = [
  'warehouseNo',
  'name',
  'typeCode',
  'typeLabel',
  'status',
  'isDefect',
  'province',
  'city',
  'district',
  'address',
  'contact',
  'telno',
  'mobile',
  'zip',
  'remark',
  'extWarehouseNo',
  'coordinates',
  'mergedInto',
] as const satisfies readonly (keyof GoldenWarehouseRecord)[];
// Compile-time check that the list above covers the whole record (a new field must be added here).
type MissingGoldenField = Exclude<keyof GoldenWarehouseRecord, (typeof GOLDEN_FIELDS)[number]>;
const _everyGoldenField: MissingGoldenField extends never ? true : never = true;

type Resolver = (message: GoldenRecordChangedV1) => unknown;

const snake = (camel: string): string => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const GOLDEN_RESOLVERS: ReadonlyMap<string, Resolver> = new Map<string, Resolver>([
  ...GOLDEN_FIELDS.filter((f) => f !== 'coordinates').map((f): [string, Resolver] => [snake(f), (m) => m.record[f]]),
  ['coordinates_x', (m) => m.record.coordinates?.x ?? null],
  ['coordinates_y', (m) => m.record.coordinates?.y ?? null],
  // The Kingdee FNumber is rendered from this: always the canonical code, however the record spells it.
  ['warehouse_no', (m) => codeOf(m.record.warehouseNo)],
  ['golden_id', (m) => m.goldenId],
  ['version', (m) => m.version],
]);

/** 旺店通 wdt.warehouse.query response fields (seed document). */
export const WDT_WAREHOUSE_FIELDS: readonly string[] = [
  'warehouse_no',
  'name',
  'warehouse_type',
  'ext_warehouse_no',
  'province',
  'city',
  'district',
  'address',
  'contact',
  'telno',
  'zip',
  'mobile',
  'is_defect',
  'remark',
  'prop1',
  'prop2',
  'warehouse_id',
  'type',
  'sub_type',
  'api_key',
  'api_object_id',
  'tag',
  'division_id',
  'flag',
  'shop_id',
  'is_outer_stock',
  'is_outer_goods',
  'picker_num',
  'coordinates_x',
  'coordinates_y',
  'match_warehouse_id',
  'cod_logistics_id',
  'is_disabled',
  'priority',
  'created',
  'modified',
];

const WDT_PREFIX = 'wdt.';

export function isKnownVariable(name: string): boolean {
  return GOLDEN_RESOLVERS.has(name) || WDT_WAREHOUSE_FIELDS.includes(name) || name.startsWith(WDT_PREFIX);
}

/** Every variable name accepted without the `wdt.` prefix, for error hints and docs. */
export function knownVariableNames(): string[] {
  return [...new Set([...GOLDEN_RESOLVERS.keys(), ...WDT_WAREHOUSE_FIELDS])].sort();
}

export class UnknownVariableError extends Error {
  override readonly name = 'UnknownVariableError';
}

/** A known variable's value for this message; a WDT field the observation lacks is null. */
export function resolveVariable(name: string, message: GoldenRecordChangedV1): unknown {
  const golden = GOLDEN_RESOLVERS.get(name);
  if (golden) return golden(message);
  const wdtName = name.startsWith(WDT_PREFIX) ? name.slice(WDT_PREFIX.length) : name;
  if (!isKnownVariable(name)) throw new UnknownVariableError(`unknown template variable {{${name}}}`);
  return message.sources.wdt?.[wdtName] ?? null;
}
