import type { WarehouseStatus } from './golden-record-changed.v1';

/**
 * An integration scheme (docs/architecture.md), validated and compiled from its YAML file by the
 * schemes module; the Kingdee sink renders BatchSave bodies from it and reconciliation compares
 * Kingdee with what it renders, so the compiled form is a contract between the three.
 */
export interface IntegrationScheme {
  readonly name: string;
  readonly version: string;
  readonly description: string | undefined;
  /** The file it was loaded from (as given to the loader), for messages. */
  readonly file: string;
  readonly source: SchemeSource;
  readonly target: SchemeTarget;
  /** In file order: Kingdee applies Model fields in sequence like UI data entry (docs/kingdee-api.md). */
  readonly mapping: readonly FieldMapping[];
}

export interface SchemeSource {
  readonly system: 'wdt';
  readonly api: 'wdt.warehouse.query';
  /** Request parameters for the source API, e.g. `page_size: 50`, `type: 11`. */
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly filter: SourceFilter;
}

/** Which golden records go to the target. An absent criterion lets everything through. */
export interface SourceFilter {
  readonly status?: readonly WarehouseStatus[];
  readonly typeCodes?: readonly number[];
  readonly isDefect?: boolean;
}

export interface SchemeTarget {
  readonly system: 'kingdee';
  readonly formId: string;
  readonly operation: 'BatchSave';
  /** BatchSave `data` options sent with creates (and with updates unless `update.options` overrides). */
  readonly options: BatchSaveOptions;
  readonly update: UpdatePolicy;
}

export interface BatchSaveOptions {
  readonly IsVerifyBaseDataField: boolean;
  readonly IsAutoSubmitAndAudit: boolean;
  readonly BatchCount?: number;
  readonly IsDeleteEntry?: boolean;
  readonly ValidateFlag?: boolean;
  readonly NumberSearch?: boolean;
  readonly IsAutoAdjustField?: boolean;
  readonly IsEntryBatchFill?: boolean;
  readonly IgnoreInterationFlag?: boolean;
  readonly IsControlPrecision?: boolean;
  readonly ValidateRepeatJson?: boolean;
  readonly InterationFlags?: string;
  readonly SubSystemId?: string;
  readonly NeedReturnFields?: readonly string[];
}

/**
 * How existing Kingdee records are updated. Kingdee reportedly rejects IsAutoSubmitAndAudit=true on
 * update (docs/kingdee-api.md), so updates go in their own BatchSave with their own options
 * (default IsAutoSubmitAndAudit false).
 */
export interface UpdatePolicy {
  /** true: creates and updates never share a BatchSave body. */
  readonly separateBatch: boolean;
  /** 'mapped': every mapped key; or an explicit list (a subset of the mapped keys). */
  readonly needUpDateFields: 'mapped' | readonly string[];
  /** Overrides of `target.options` for update bodies. */
  readonly options: Partial<BatchSaveOptions>;
}

export type MappingValue =
  | { readonly kind: 'constant'; readonly value: string | number | boolean | null }
  | { readonly kind: 'template'; readonly template: Template };

export interface FieldMapping {
  /** Canonical Kingdee key (catalogue casing), used in the Model and NeedUpDateFields. */
  readonly key: string;
  /** The key as written in the scheme file (e.g. the seed's FALLOWMINUSQTY). */
  readonly writtenKey: string;
  readonly type: FieldType;
  /** For references: the key inside the reference object, normally FNumber. */
  readonly referenceKey: string | undefined;
  readonly value: MappingValue;
}

/** How a Kingdee field is typed in a BatchSave Model (docs/kingdee-api.md). */
export type FieldType = 'string' | 'number' | 'boolean' | 'reference';

/** A value as it goes into a BatchSave Model entry. */
export type KingdeeValue = string | number | boolean | null | { readonly [referenceKey: string]: string };

/** The mapped fields of one golden record, typed, in scheme order (without the primary key). */
export type KingdeeModel = Record<string, KingdeeValue>;

/** A compiled mapping template: literal text and `{{variable}}` placeholders. */
export type TemplatePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'var'; readonly name: string };

export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
}
