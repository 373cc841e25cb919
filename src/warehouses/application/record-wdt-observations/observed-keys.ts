import { SqlExecutor } from '../../../event-store/stored-event';
import { WAREHOUSE_STREAM_PREFIX } from '../../domain/events';
import { sourceId } from '../../domain/source-keys';

export interface ObservedKey {
  readonly goldenId: string;
  /** Its last observation had this content hash and it is not flagged missing (nor merged away): nothing to record. */
  readonly unchanged: boolean;
}

/**
 * One query per page: each source key's reserved golden id, and whether the row is unchanged, so an
 * unchanged row is neither loaded nor decided. The kept fold (`golden_state`) answers only when it
 * is at the stream's head, so a lagging golden-records processor costs a load, never a missed change.
 */
export class ObservedKeys {
  constructor(private readonly db: SqlExecutor) {}

  async lookup(system: string, hashes: ReadonlyMap<string, string>): Promise<Map<string, ObservedKey>> {
    if (hashes.size === 0) return new Map();
    const keys = [...hashes.keys()];
    const rows: { source_key: string; golden_id: string; unchanged: boolean | null }[] = await this.db.query(
      `SELECT o.key AS source_key, k.golden_id,
            s.summary #>> ARRAY['state', 'sources', o.source_id, 'contentHash'] = o.hash
              AND s.summary #>> ARRAY['state', 'sources', o.source_id, 'missing'] = 'false'
              AND s.summary #>> '{state,mergedInto}' IS NULL
              AND s.summary #>> '{state,goldenId}' = k.golden_id
              AND s.version = (SELECT max(e.stream_version) FROM events e WHERE e.stream_id = $2 || k.golden_id) AS unchanged
       FROM unnest($3::text[], $4::text[], $5::text[]) AS o(key, source_id, hash)
       JOIN warehouse_source_keys k ON k.system = $1 AND k.source_key = o.key
       LEFT JOIN golden_state s ON s.golden_id = k.golden_id`,
      [system, WAREHOUSE_STREAM_PREFIX, keys, keys.map((key) => sourceId({ system, key })), [...hashes.values()]],
    );
    return new Map(rows.map((r) => [r.source_key, { goldenId: r.golden_id, unchanged: r.unchanged === true }]));
  }
}
