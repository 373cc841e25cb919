import { SqlExecutor } from '../../event-store/stored-event';
import { candidateKeys } from '../domain/match-keys';
import { MatchProfile } from '../domain/matching';
import { findProvince } from '../domain/regions';

/**
 * Matching candidates from the golden-records read model: active records holding one of the
 * subjects' blocking keys (domain/match-keys.ts), one GIN-indexed query however large the 省/市.
 * Rows written before the keys existed (NULL) are still found by region. The read model lags the
 * event store a little, which is fine for raising a suspicion.
 */
export class MatchCandidates {
  constructor(private readonly db: SqlExecutor) {}

  async forSubjects(subjects: readonly MatchProfile[]): Promise<MatchProfile[]> {
    const keys = [...new Set(subjects.flatMap(candidateKeys))];
    if (keys.length === 0) return [];
    const pairs = uniqueRegions(subjects);
    const rows: CandidateRow[] = await this.db.query(
      // One index probe per key: a single `&&` with hundreds of keys looks unselective to the planner, which scans the table.
      `SELECT DISTINCT ON (g.golden_id) ${COLUMNS}
         FROM unnest($1::text[]) AS k(key) JOIN golden_warehouses g ON g.match_keys @> ARRAY[k.key]
        WHERE g.status <> 'retired'
       UNION ALL
       SELECT ${COLUMNS} FROM golden_warehouses g JOIN unnest($2::text[], $3::text[]) AS r(province, city)
           ON g.match_keys IS NULL AND g.province = r.province AND regexp_replace(g.city, '市$', '') = r.city
        WHERE g.status <> 'retired'`,
      [keys, pairs.map((p) => p.province), pairs.map((p) => p.city)],
    );
    return rows.map((r) => ({
      goldenId: r.golden_id,
      warehouseNo: r.warehouse_no,
      name: r.name,
      address: r.address,
      province: r.province,
      city: r.city,
      district: r.district,
    }));
  }
}

const COLUMNS = 'g.golden_id, g.warehouse_no, g.name, g.address, g.province, g.city, g.district';

/** Provinces as the read model stores them (canonical); cities without 市, as sameCity compares them. */
function uniqueRegions(regions: readonly { province: string | null; city: string | null }[]): { province: string; city: string }[] {
  const seen = new Map<string, { province: string; city: string }>();
  for (const r of regions) {
    if (r.province === null || r.city === null) continue;
    const province = findProvince(r.province)?.name ?? r.province;
    const city = r.city.replace(/市$/, '');
    seen.set(`${province}|${city}`, { province, city });
  }
  return [...seen.values()];
}

interface CandidateRow {
  golden_id: string;
  warehouse_no: string;
  name: string;
  address: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
}
