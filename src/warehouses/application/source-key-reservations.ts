import { SqlExecutor } from '../../event-store/stored-event';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';

/** Another writer reserved one of our new source keys first; the batch starts over and finds it. */
export class ReservationConflict extends DomainError {
  constructor(readonly keys: readonly string[]) {
    super(ErrorCode.concurrency, `source keys reserved concurrently: ${keys.slice(0, 5).join(', ')}`);
    this.name = 'ReservationConflict';
  }
}

/**
 * The strongly consistent source key → golden id lookup. A key is reserved in the same transaction
 * as the first append to its golden record, so two concurrent syncs cannot both create a record
 * for one warehouse_no: the second insert waits for the first transaction and then conflicts.
 */
export class SourceKeyReservations {
  constructor(private readonly db: SqlExecutor) {}

  async lookup(system: string, keys: readonly string[], tx?: SqlExecutor): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows: { source_key: string; golden_id: string }[] = await (tx ?? this.db).query(
      `SELECT source_key, golden_id FROM warehouse_source_keys WHERE system = $1 AND source_key = ANY($2::text[])`,
      [system, keys],
    );
    return new Map(rows.map((r) => [r.source_key, r.golden_id]));
  }

  /** Keys of `system` whose golden record is not among `seen` keys (for the missing-in-WDT sweep). */
  async keysNotIn(system: string, seen: readonly string[], tx?: SqlExecutor): Promise<Map<string, string>> {
    const rows: { source_key: string; golden_id: string }[] = await (tx ?? this.db).query(
      `SELECT source_key, golden_id FROM warehouse_source_keys WHERE system = $1 AND NOT (source_key = ANY($2::text[]))`,
      [system, seen],
    );
    return new Map(rows.map((r) => [r.source_key, r.golden_id]));
  }

  /** Inside the append's transaction; throws ReservationConflict if any key is already taken. */
  async reserve(system: string, reservations: ReadonlyMap<string, string>, tx: SqlExecutor): Promise<void> {
    if (reservations.size === 0) return;
    const keys = [...reservations.keys()];
    const inserted: { source_key: string }[] = await tx.query(
      `INSERT INTO warehouse_source_keys (system, source_key, golden_id)
       SELECT $1, k, g FROM unnest($2::text[], $3::text[]) AS r(k, g)
       ON CONFLICT DO NOTHING RETURNING source_key`,
      [system, keys, [...reservations.values()]],
    );
    if (inserted.length !== keys.length) {
      const won = new Set(inserted.map((r) => r.source_key));
      throw new ReservationConflict(keys.filter((k) => !won.has(k)));
    }
  }

  /** A merge: every key of the merged-away record now resolves to the survivor. */
  async repoint(fromGoldenId: string, toGoldenId: string, tx: SqlExecutor): Promise<void> {
    await tx.query(`UPDATE warehouse_source_keys SET golden_id = $2 WHERE golden_id = $1`, [fromGoldenId, toGoldenId]);
  }
}
