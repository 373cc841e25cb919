import { quote, type BillQuery } from './bill-query';
import { text } from './lenient';

/** A BD_STOCK record found in Kingdee. */
export interface ExistingKingdeeStock {
  readonly fStockId: string;
  readonly number: string;
  readonly useOrg: string | undefined;
  /** FForbidStatus B (禁用); undefined when the server did not say. */
  readonly forbidden?: boolean;
}

/**
 * How lookups are batched. 'in-list' (the default) sends `FNumber in ('A','B',…) and
 * FUseOrgId.FNumber='…'` per chunk: FilterString is a SQL `WHERE` fragment on K/3 Cloud, so this is
 * an ordinary filter and costs one call per chunk instead of one per record. 'per-number' sends
 * `FNumber='X' and …` per number, for a server whose filter parser only takes `=` and `and`.
 */
export type LookupStrategy = 'per-number' | 'in-list';

export interface FindStocksOptions {
  readonly strategy: LookupStrategy;
  readonly concurrency: number;
  readonly chunkSize: number;
}

const FIELD_KEYS = ['FStockId', 'FNumber', 'FUseOrgId.FNumber', 'FForbidStatus'];

/** Existing warehouses by number (as requested) within `useOrg` (all orgs when undefined). */
export async function findStocks(
  query: (q: BillQuery) => Promise<unknown[][]>,
  numbers: readonly string[],
  useOrg: string | undefined,
  options: FindStocksOptions,
): Promise<Map<string, ExistingKingdeeStock>> {
  const wanted = [...new Set(numbers.filter((n) => n.length > 0))];
  const groups = options.strategy === 'per-number' ? wanted.map((n) => [n]) : chunk(wanted, options.chunkSize);
  const found = new Map<string, ExistingKingdeeStock>();
  await inParallel(groups, options.concurrency, async (group) => {
    const rows = await query({ FormId: 'BD_STOCK', FieldKeys: FIELD_KEYS, FilterString: filterFor(group, useOrg) });
    for (const stock of rows.map(toStock)) {
      // Check each row ourselves: a server with a weaker filter parser must not make us update the wrong record.
      const requested = group.find((n) => sameNumber(n, stock?.number));
      if (stock && requested !== undefined && orgMatches(stock.useOrg, useOrg) && !found.has(requested)) found.set(requested, stock);
    }
  });
  return found;
}

export function filterFor(numbers: readonly string[], useOrg: string | undefined): string {
  const byNumber = numbers.length === 1 ? `FNumber=${quote(numbers[0]!)}` : `FNumber in (${numbers.map(quote).join(',')})`;
  return useOrg === undefined ? byNumber : `${byNumber} and FUseOrgId.FNumber=${quote(useOrg)}`;
}

function toStock(row: unknown[]): ExistingKingdeeStock | undefined {
  const [id, number, org, forbid] = row;
  const fStockId = text(id);
  const fNumber = text(number);
  if (fStockId === undefined || fNumber === undefined) return undefined;
  const status = text(forbid)?.toUpperCase();
  return { fStockId, number: fNumber, useOrg: text(org) || undefined, ...(status ? { forbidden: status === 'B' } : {}) };
}

// Kingdee compares numbers case-insensitively (SQL Server collation), so the uniqueness rule does too.
const sameNumber = (a: string, b: string | undefined): boolean => b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
// A server that cannot project FUseOrgId.FNumber returns nothing there; the filter already checked it.
const orgMatches = (found: string | undefined, wanted: string | undefined): boolean =>
  found === undefined || wanted === undefined || found === wanted;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
