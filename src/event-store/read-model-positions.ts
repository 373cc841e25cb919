import { SqlExecutor } from './stored-event';

/**
 * Whether read models have applied a global position. Processors take events in commit order,
 * (transaction_id, global_position), not in position order, so a checkpoint's position alone says
 * little: a checkpoint at 120 may still lack 110 if 110's transaction committed later. So the
 * event at N is looked up and each checkpoint compared with it in commit order. A position with no
 * event (its transaction rolled back) counts as reached when every committed event at or below it
 * has been applied; a position beyond the newest event is never reached yet.
 */
export async function processorsBehind(db: SqlExecutor, processors: readonly string[], position: string): Promise<string[]> {
  if (processors.length === 0) return [];
  const rows: { name: string }[] = await db.query(
    `WITH target AS (SELECT transaction_id, global_position FROM events WHERE global_position = $1::bigint),
          head AS (SELECT coalesce(max(global_position), 0) AS position FROM events),
          cp AS (
            SELECT p.name, coalesce(c.transaction_id, '0'::xid8) AS tx, coalesce(c.global_position, 0) AS pos
              FROM unnest($2::text[]) AS p(name) LEFT JOIN processor_checkpoints c ON c.name = p.name)
     SELECT cp.name FROM cp
      WHERE CASE
        WHEN EXISTS (SELECT 1 FROM target) THEN (cp.tx, cp.pos) < (SELECT t.transaction_id, t.global_position FROM target t)
        WHEN $1::bigint > (SELECT position FROM head) THEN true
        ELSE EXISTS (SELECT 1 FROM events e WHERE (e.transaction_id, e.global_position) > (cp.tx, cp.pos) AND e.global_position <= $1::bigint)
      END
      ORDER BY cp.name`,
    [position, processors],
  );
  return rows.map((r) => r.name);
}

/** The newest global position (0 when the store is empty). */
export async function headPosition(db: SqlExecutor): Promise<string> {
  const [row] = await db.query(`SELECT coalesce(max(global_position), 0)::text AS position FROM events`);
  return row.position;
}
