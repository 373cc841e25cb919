import type { GoldenWarehouseRecord, WarehouseStatus } from './golden-record-changed.v1';

/**
 * The golden record's fields, declared once. The domain's field lists, the mapping variables, the
 * read-model columns, the message's JSON Schema and the console's field labels derive from here;
 * the record type (`GoldenWarehouseRecord`) stays written out as the public contract, and the checks
 * at the end fail the build when the two disagree in either direction, names or value types.
 */
export interface GoldenFieldSpec {
  readonly valueType: GoldenValueType;
  readonly label: { readonly zh: string; readonly en: string };
  /**
   * Where WDT sends it: `field` names it in source changes and lineage, `raw` lists the
   * warehouse_query fields it is read from when they differ. null: it follows from other fields.
   */
  readonly wdt: { readonly field: string; readonly raw?: readonly string[] } | null;
  /** Column of the golden_warehouses read model. */
  readonly column: string;
  /** Names a mapping template reads it by (src/schemes). */
  readonly variables: readonly string[];
  /** Survivorship decides it field by field (the others follow from a decided field or a merge). */
  readonly decided: boolean;
  /** A steward may override it. */
  readonly overridable: boolean;
  /** Said in the JSON Schema. */
  readonly description?: string;
}

/** Value types and the TypeScript type of each (the JSON Schema of each is in src/publishing). */
export interface GoldenValueTypes {
  readonly code: string;
  readonly text: string;
  readonly optionalText: string | null;
  readonly optionalInteger: number | null;
  readonly status: WarehouseStatus;
  readonly boolean: boolean;
  readonly optionalCoordinates: { readonly x: number; readonly y: number } | null;
  readonly optionalGoldenId: string | null;
}
export type GoldenValueType = keyof GoldenValueTypes;

// warehouse_no is the identity WDT and Kingdee (FNumber) share: overriding it would break the cross-reference.
export const GOLDEN_FIELD_CATALOGUE = {
  warehouseNo: {
    valueType: 'code',
    label: { zh: '仓库编号', en: 'Warehouse no.' },
    wdt: { field: 'warehouse_no' },
    column: 'warehouse_no',
    variables: ['warehouse_no'],
    decided: true,
    overridable: false,
    description: '仓库编号 (WDT warehouse_no; Kingdee FNumber).',
  },
  name: {
    ...text('仓库名称', 'Name', 'name'),
    valueType: 'text',
    description: '仓库名称.',
  },
  typeCode: {
    valueType: 'optionalInteger',
    label: { zh: '仓库类型', en: 'Type' },
    wdt: { field: 'type', raw: ['type', 'warehouse_type'] },
    column: 'type_code',
    variables: ['type_code'],
    decided: true,
    overridable: true,
    description: 'WDT 仓库类型 code, e.g. 1 普通仓库, 11 奇门仓储.',
  },
  typeLabel: {
    valueType: 'optionalText',
    label: { zh: '仓库类型名称', en: 'Type name' },
    wdt: null,
    column: 'type_label',
    variables: ['type_label'],
    decided: false,
    overridable: false,
  },
  status: {
    valueType: 'status',
    label: { zh: '状态', en: 'Status' },
    wdt: { field: 'is_disabled' },
    column: 'status',
    variables: ['status'],
    decided: true,
    // active ↔ disabled only: `retired` goes through retirement.
    overridable: true,
  },
  isDefect: {
    ...text('残次品仓', 'Defective-goods', 'is_defect'),
    valueType: 'boolean',
    description: '是否残次仓.',
  },
  province: text('省', 'Province', 'province'),
  city: text('市', 'City', 'city'),
  district: text('区', 'District', 'district'),
  address: text('地址', 'Address', 'address'),
  contact: text('联系人', 'Contact', 'contact'),
  telno: text('电话', 'Telephone', 'telno'),
  mobile: text('手机', 'Mobile', 'mobile'),
  zip: text('邮编', 'Postcode', 'zip'),
  remark: text('备注', 'Remark', 'remark'),
  extWarehouseNo: text('外部仓库编号', 'External no.', 'ext_warehouse_no'),
  coordinates: {
    valueType: 'optionalCoordinates',
    label: { zh: '坐标', en: 'Coordinates' },
    wdt: { field: 'coordinates', raw: ['coordinates_x', 'coordinates_y'] },
    column: 'coordinates',
    variables: ['coordinates_x', 'coordinates_y'],
    decided: true,
    overridable: true,
  },
  mergedInto: {
    valueType: 'optionalGoldenId',
    label: { zh: '已合并到', en: 'Merged into' },
    wdt: null,
    column: 'merged_into',
    variables: ['merged_into'],
    decided: false,
    overridable: false,
    description: 'The surviving golden id when this record was merged away.',
  },
} as const satisfies { readonly [F in keyof GoldenWarehouseRecord]: GoldenFieldSpec };

/** A decided, overridable optional text field whose WDT name, column and variable are the same snake_case name. */
function text<Snake extends string>(zh: string, en: string, snake: Snake) {
  return {
    valueType: 'optionalText',
    label: { zh, en },
    wdt: { field: snake },
    column: snake,
    variables: [snake],
    decided: true,
    overridable: true,
  } as const;
}

type Catalogue = typeof GOLDEN_FIELD_CATALOGUE;
export type GoldenRecordField = keyof Catalogue;

/** Every field of the published record, in the record's order. */
export const GOLDEN_RECORD_FIELDS = Object.keys(GOLDEN_FIELD_CATALOGUE) as readonly GoldenRecordField[];

/** The fields survivorship decides (see GoldenFieldSpec.decided). */
export type DecidedGoldenField = { [F in GoldenRecordField]: Catalogue[F]['decided'] extends true ? F : never }[GoldenRecordField];

/** The record's fields of `values`, in the catalogue's order, and nothing else. */
export function goldenRecordOf<T extends { readonly [F in GoldenRecordField]: unknown }>(values: T): Pick<T, GoldenRecordField> {
  return Object.fromEntries(GOLDEN_RECORD_FIELDS.map((f) => [f, values[f]])) as Pick<T, GoldenRecordField>;
}

export function goldenFieldSpec(field: GoldenRecordField): GoldenFieldSpec {
  return GOLDEN_FIELD_CATALOGUE[field];
}

// The record type and the catalogue agree: the same fields (the `satisfies` above checks names both
// ways) with the same value types.
type CatalogueRecord = { readonly [F in GoldenRecordField]: GoldenValueTypes[Catalogue[F]['valueType']] };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _recordTypeMatchesCatalogue: Same<CatalogueRecord, GoldenWarehouseRecord> = true;
