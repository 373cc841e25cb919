/**
 * How each Kingdee field must be typed in a BatchSave Model (kingdee-api.md §4.4). The scheme
 * takes a field's type from here unless the mapping states one, so a seed-style `FALLOWMINUSQTY: 1`
 * renders as the checkbox `true` and `FStockProperty: 5` as the enum string "5". Keys are matched
 * case-insensitively (Kingdee does too, §4.1) and rendered in the canonical casing below.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'reference';

export interface FieldSpec {
  readonly key: string;
  readonly type: FieldType;
}

const field = (key: string, type: FieldType): FieldSpec => ({ key, type });

export const BD_STOCK_FIELDS: readonly FieldSpec[] = [
  field('FStockId', 'number'),
  field('FNumber', 'string'),
  field('FName', 'string'),
  field('FCreateOrgId', 'reference'),
  field('FUseOrgId', 'reference'),
  field('FStockProperty', 'string'),
  field('FStockStatusType', 'string'),
  field('FDefStockStatusId', 'reference'),
  field('FDefReceiveStatusId', 'reference'),
  field('FAllowMinusQty', 'boolean'),
  field('FGroup', 'reference'),
  field('FAddress', 'string'),
  field('FTel', 'string'),
  field('FDescription', 'string'),
  field('FTHIRDSTOCKNO', 'string'),
  field('FGYStockNumber', 'string'),
  field('FLocListFormatter', 'string'),
  field('FPrincipal', 'reference'),
  field('FThirdStockType', 'string'),
  field('FSupplierId', 'reference'),
  field('FCustomerId', 'reference'),
  field('FDeptId', 'reference'),
  field('FIsOpenLocation', 'boolean'),
  field('FAllowLock', 'boolean'),
  field('FAllowMRPPlan', 'boolean'),
  field('FAvailablePicking', 'boolean'),
  field('FAvailableAlert', 'boolean'),
  field('FIsGYStock', 'boolean'),
  field('FNotExpQty', 'boolean'),
  field('FSortingPriority', 'number'),
];

/** Field catalogues by form id; forms without one take types from the mapping alone. */
const CATALOGUES: Readonly<Record<string, readonly FieldSpec[]>> = { bd_stock: BD_STOCK_FIELDS };

/** The catalogue entry for `key` on `formId`, matched case-insensitively. */
export function lookupField(formId: string, key: string): FieldSpec | undefined {
  const fields = CATALOGUES[formId.toLowerCase()];
  return fields?.find((f) => f.key.toLowerCase() === key.toLowerCase());
}

/** Kingdee's primary key field for the form (the id that turns a save into an update). */
export function primaryKeyField(formId: string): string {
  return formId.toLowerCase() === 'bd_stock' ? 'FStockId' : 'FID';
}
