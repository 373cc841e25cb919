import type { FieldType } from '../contracts/integration-scheme';

/**
 * How each Kingdee field must be typed in a BatchSave Model (docs/kingdee-api.md). The scheme
 * takes a field's type from here unless the mapping states one, so a seed-style `FALLOWMINUSQTY: 1`
 * renders as the checkbox `true` and `FStockProperty: 5` as the enum string "5". Keys are matched
 * case-insensitively (Kingdee does too) and rendered in the canonical casing below.
 */
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

/**
 * Field catalogues by form id, in Kingdee's casing. A scheme may only target a form listed here and
 * only map its fields: a typo (`BD_STOCK_typo`, `FNmae`) would otherwise be found by Kingdee at the
 * first save (`MsgCode 9`, 元数据中标识为 … 的字段不存在), dead-lettering every record.
 */
const CATALOGUES: Readonly<Record<string, { readonly formId: string; readonly fields: readonly FieldSpec[] }>> = {
  bd_stock: { formId: 'BD_STOCK', fields: BD_STOCK_FIELDS },
};

/** The forms a scheme can target, in Kingdee's casing. */
export const KNOWN_FORMS: readonly string[] = Object.values(CATALOGUES).map((c) => c.formId);

export function isKnownForm(formId: string): boolean {
  return CATALOGUES[formId.toLowerCase()] !== undefined;
}

/** The catalogue key closest to a mistyped one (case-insensitive edit distance ≤ 2), for "did you mean". */
export function closestField(formId: string, key: string): string | undefined {
  const fields = CATALOGUES[formId.toLowerCase()]?.fields ?? [];
  const scored = fields.map((f) => ({ key: f.key, distance: editDistance(f.key.toLowerCase(), key.toLowerCase()) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= 2 ? best.key : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The catalogue entry for `key` on `formId`, matched case-insensitively. */
export function lookupField(formId: string, key: string): FieldSpec | undefined {
  const fields = CATALOGUES[formId.toLowerCase()]?.fields;
  return fields?.find((f) => f.key.toLowerCase() === key.toLowerCase());
}

/** Kingdee's primary key field for the form (the id that turns a save into an update). */
export function primaryKeyField(formId: string): string {
  return formId.toLowerCase() === 'bd_stock' ? 'FStockId' : 'FID';
}
