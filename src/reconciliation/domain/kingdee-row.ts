import type { IntegrationScheme } from '../../contracts/integration-scheme';

/** One BD_STOCK as ExecuteBillQuery returned it: status keys plus each mapped field by its Kingdee key. */
export interface KingdeeStockRow {
  readonly FStockId: string;
  readonly FNumber: string;
  readonly FDocumentStatus: string;
  readonly FForbidStatus: string;
  /** Mapped key → value; references read as their number (`FGroup` ← `FGroup.FNumber`). */
  readonly fields: Readonly<Record<string, unknown>>;
}

const STATUS_KEYS = ['FStockId', 'FNumber', 'FDocumentStatus', 'FForbidStatus'] as const;

/** Query key per mapped field: references are read inside (`FUseOrgId.FNumber`), the rest as they are. */
function queryKey(field: IntegrationScheme['mapping'][number]): string {
  return field.type === 'reference' ? `${field.key}.${field.referenceKey ?? 'FNumber'}` : field.key;
}

/** FieldKeys for reconciliation: the status keys, then every mapped field once. */
export function reconcileFieldKeys(scheme: IntegrationScheme): string[] {
  const keys: string[] = [...STATUS_KEYS];
  for (const field of scheme.mapping) if (!keys.some((k) => k.toLowerCase() === queryKey(field).toLowerCase())) keys.push(queryKey(field));
  return keys;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v as number));

/** Rows (arrays in `reconcileFieldKeys` order) as records; the mapped FNumber reads the status column. */
export function parseStockRows(scheme: IntegrationScheme, rows: readonly unknown[][]): KingdeeStockRow[] {
  const keys = reconcileFieldKeys(scheme);
  const column = new Map(keys.map((k, i) => [k.toLowerCase(), i]));
  return rows.map((row) => {
    const fields: Record<string, unknown> = {};
    for (const field of scheme.mapping) fields[field.key] = row[column.get(queryKey(field).toLowerCase())!];
    return {
      FStockId: text(row[0]),
      FNumber: text(row[1]),
      FDocumentStatus: text(row[2]),
      FForbidStatus: text(row[3]),
      fields,
    };
  });
}
