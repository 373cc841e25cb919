import { GOLDEN_FIELD_CATALOGUE, GOLDEN_RECORD_FIELDS, type GoldenRecordField } from '../contracts/golden-field-catalogue';
import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { codeOf } from '../shared/domain/warehouse-code';

/**
 * The variables a mapping template may use. Golden-record fields come first (they carry survivorship
 * and steward overrides), by the names the field catalogue gives them; names not on the golden record
 * fall back to the newest raw WDT observation (`sources.wdt`). `wdt.<field>` always reads the raw WDT
 * value, for the rare mapping that must ignore overrides; it accepts any field name because WDT adds
 * fields over time.
 */
type Resolver = (message: GoldenRecordChangedV1) => unknown;

function resolversOf(field: GoldenRecordField): [string, Resolver][] {
  // Coordinates are read as two numbers (WDT's coordinates_x / coordinates_y).
  if (field === 'coordinates') {
    const [x, y] = GOLDEN_FIELD_CATALOGUE.coordinates.variables;
    return [
      [x, (m) => m.record.coordinates?.x ?? null],
      [y, (m) => m.record.coordinates?.y ?? null],
    ];
  }
  return GOLDEN_FIELD_CATALOGUE[field].variables.map((name): [string, Resolver] => [name, (m) => m.record[field]]);
}

const GOLDEN_RESOLVERS: ReadonlyMap<string, Resolver> = new Map<string, Resolver>([
  ...GOLDEN_RECORD_FIELDS.flatMap(resolversOf),
  // The Kingdee FNumber is rendered from this: always the canonical code, however the record spells it.
  [GOLDEN_FIELD_CATALOGUE.warehouseNo.variables[0], (m) => codeOf(m.record.warehouseNo)],
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
