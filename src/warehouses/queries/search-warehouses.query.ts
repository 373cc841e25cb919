import { SyncStatus } from '../projections/stream-summary';
import { SqlExecutor } from '../../event-store/stored-event';
import { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import { searchGrams } from '../../shared/domain/similarity';
import { cleanText, compactForMatching } from '../../shared/domain/text';
import { recordOf } from './detail-from-read-models';
import { iso } from './warehouse-detail';

export interface SearchWarehousesParams {
  /** Substring of warehouse_no, name, 省市区 or address (Chinese included), case-insensitive. */
  readonly q?: string;
  readonly type?: number;
  readonly status?: 'active' | 'disabled' | 'retired';
  readonly syncStatus?: SyncStatus;
  /** Column to order by (default warehouseNo); ties break on warehouse_no then golden id, so pages stay stable. */
  readonly sort?: WarehouseSort;
  readonly order?: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
}

/** Sortable columns and their SQL (whitelisted: the name never reaches the SQL text). */
const SORT_SQL = {
  warehouseNo: 'g.warehouse_no',
  name: 'g.name',
  typeCode: 'g.type_code',
  region: "concat_ws(' ', g.province, g.city, g.district)",
  status: 'g.status',
  syncStatus: "COALESCE(s.status, 'pending')",
  version: 'g.version',
  updatedAt: 'g.updated_at',
} as const;
export type WarehouseSort = keyof typeof SORT_SQL;
export const WAREHOUSE_SORTS = Object.keys(SORT_SQL) as WarehouseSort[];

/**
 * How many records each filter value would find, the other filters applied (each facet ignores its
 * own filter, so choosing a value never hides the alternatives). Keys are the filter values.
 */
export interface SearchFacets {
  readonly type: Readonly<Record<string, number>>;
  readonly status: Readonly<Record<string, number>>;
  readonly syncStatus: Readonly<Record<string, number>>;
}

export interface WarehouseSummary extends GoldenWarehouseRecord {
  readonly goldenId: string;
  /** The record version (the ETag's numbering). */
  readonly version: number;
  readonly syncStatus: SyncStatus;
  readonly missingInWdt: boolean;
  readonly updatedAt: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export interface WarehouseSearchPage extends Page<WarehouseSummary> {
  readonly facets: SearchFacets;
}

// The bigram array (GIN) narrows fragments of 2+ characters, the trigram index (GIN) those of 3+,
// and ILIKE confirms the substring. Parameters are planned with their values (unnamed
// statements), so absent filters fold away.
const FROM_WHERE = `
  FROM golden_warehouses g LEFT JOIN warehouse_sync_status s ON s.golden_id = g.golden_id
 WHERE ($1::text IS NULL OR g.search_text ILIKE $1)
   AND ($5::text[] IS NULL OR g.search_bigrams @> $5)
   AND ($2::int IS NULL OR g.type_code = $2)
   AND ($3::text IS NULL OR g.status = $3)
   AND ($4::text IS NULL OR COALESCE(s.status, 'pending') = $4)`;

/** Golden records with filters, sorting, paging and facet counts. */
export async function searchWarehouses(db: SqlExecutor, params: SearchWarehousesParams): Promise<WarehouseSearchPage> {
  const q = cleanText(params.q);
  // A one-character fragment has no bigram to look up: ILIKE alone answers it.
  const grams = [...compactForMatching(q)].length >= 2 ? searchGrams(q) : null;
  const filters = [q === null ? null : `%${escapeLike(q)}%`, params.type ?? null, params.status ?? null, params.syncStatus ?? null, grams];
  const direction = params.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = `${SORT_SQL[params.sort ?? 'warehouseNo']} ${direction} NULLS LAST, g.warehouse_no ${direction}, g.golden_id ${direction}`;
  const facet = async (column: string, without: number) => {
    const counted = await db.query(
      `SELECT ${column} AS value, count(*)::int AS n ${FROM_WHERE} GROUP BY 1`,
      filters.map((f, i) => (i === without ? null : f)),
    );
    return Object.fromEntries(
      counted.filter((r: { value: unknown }) => r.value !== null).map((r: { value: unknown; n: number }) => [String(r.value), r.n]),
    );
  };
  const [rows, [count], type, status, syncStatus] = await Promise.all([
    db.query(`SELECT g.*, COALESCE(s.status, 'pending') AS sync_status ${FROM_WHERE} ORDER BY ${orderBy} LIMIT $6 OFFSET $7`, [
      ...filters,
      params.pageSize,
      (params.page - 1) * params.pageSize,
    ]),
    db.query(`SELECT count(*)::int AS total ${FROM_WHERE}`, filters),
    facet('g.type_code', 1),
    facet('g.status', 2),
    facet(`COALESCE(s.status, 'pending')`, 3),
  ]);
  const items = rows.map((r: Record<string, any>) => ({
    goldenId: r.golden_id,
    version: r.record_version,
    ...recordOf(r),
    syncStatus: r.sync_status,
    missingInWdt: r.missing_in_wdt,
    updatedAt: iso(r.updated_at),
  }));
  return { items, page: params.page, pageSize: params.pageSize, total: count.total, facets: { type, status, syncStatus } };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
