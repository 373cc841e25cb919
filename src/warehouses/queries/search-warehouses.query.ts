import { SyncStatus } from '../projections/stream-summary';
import { SqlExecutor } from '../../event-store/stored-event';
import { GoldenWarehouseRecord } from '../../publishing/golden-record-changed.v1';
import { searchGrams } from '../domain/similarity';
import { cleanText, compactForMatching } from '../domain/text';
import { recordOf } from './detail-from-read-models';
import { iso } from './warehouse-detail';

export interface SearchWarehousesParams {
  /** Substring of warehouse_no, name, 省市区 or address (Chinese included), case-insensitive. */
  readonly q?: string;
  readonly type?: number;
  readonly status?: 'active' | 'disabled' | 'retired';
  readonly syncStatus?: SyncStatus;
  readonly page: number;
  readonly pageSize: number;
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

/** Golden records with filters and paging; ordered by warehouse_no then golden id, so pages are stable. */
export async function searchWarehouses(db: SqlExecutor, params: SearchWarehousesParams): Promise<Page<WarehouseSummary>> {
  const q = cleanText(params.q);
  // A one-character fragment has no bigram to look up: ILIKE alone answers it.
  const grams = [...compactForMatching(q)].length >= 2 ? searchGrams(q) : null;
  const filters = [q === null ? null : `%${escapeLike(q)}%`, params.type ?? null, params.status ?? null, params.syncStatus ?? null, grams];
  const [rows, [count]] = await Promise.all([
    db.query(
      `SELECT g.*, COALESCE(s.status, 'pending') AS sync_status ${FROM_WHERE} ORDER BY g.warehouse_no, g.golden_id LIMIT $6 OFFSET $7`,
      [...filters, params.pageSize, (params.page - 1) * params.pageSize],
    ),
    db.query(`SELECT count(*)::int AS total ${FROM_WHERE}`, filters),
  ]);
  const items = rows.map((r: Record<string, any>) => ({
    goldenId: r.golden_id,
    version: r.record_version,
    ...recordOf(r),
    syncStatus: r.sync_status,
    missingInWdt: r.missing_in_wdt,
    updatedAt: iso(r.updated_at),
  }));
  return { items, page: params.page, pageSize: params.pageSize, total: count.total };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
