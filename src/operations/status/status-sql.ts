import { loadStalls, ProcessorStall } from '../../event-store/processor-stalls';
import { SqlExecutor } from '../../event-store/stored-event';
import { ProcessorStallStatus, ProcessorStatus, SyncRunStatus } from './hub-status';

/** `to_regclass`: features install their tables with their migrations; status works with whatever is there. */
export async function tableExists(db: SqlExecutor, table: string): Promise<boolean> {
  const [row] = await db.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`public.${table}`]);
  return row.found === true;
}

export async function eventTotals(db: SqlExecutor): Promise<{ count: number; headPosition: string }> {
  const [row] = await db.query(`SELECT count(*)::bigint::text AS count, coalesce(max(global_position), 0)::text AS head FROM events`);
  return { count: Number(row.count), headPosition: row.head };
}

/** Every checkpoint, plus processors the app runs that have not written one yet, with their lag. */
export async function processorStatuses(db: SqlExecutor, known: readonly string[], now: Date): Promise<ProcessorStatus[]> {
  const rows: { name: string; tx: string; position: string; updated_at: Date | null; lag: string; oldest: Date | null }[] = await db.query(
    `WITH names AS (
       SELECT name, transaction_id, global_position, updated_at FROM processor_checkpoints
       UNION ALL
       SELECT n, '0'::xid8, 0, NULL FROM unnest($1::text[]) n WHERE n NOT IN (SELECT name FROM processor_checkpoints))
     SELECT c.name, c.global_position::text AS position, c.updated_at, l.lag::text AS lag, l.oldest
       FROM names c CROSS JOIN LATERAL (
         SELECT count(*) AS lag, min(e.recorded_at) AS oldest FROM events e
          WHERE (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)) l
      ORDER BY c.name`,
    [known],
  );
  const stalls = await loadStalls(db);
  return rows.map((r) => ({
    name: r.name,
    kind: kindOf(r.name, known),
    position: r.position,
    lagEvents: Number(r.lag),
    lagSeconds: r.oldest ? Math.max(0, (now.getTime() - new Date(r.oldest).getTime()) / 1000) : 0,
    updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    stalled: stallStatus(stalls.get(r.name)),
  }));
}

function stallStatus(stall: ProcessorStall | undefined): ProcessorStallStatus | null {
  if (!stall) return null;
  const { stalledSince: since, failingTransactionId, failingPosition, narrowed, error, attempts, nextAttemptAt } = stall;
  return { since, failingTransactionId, failingPosition, narrowed, error, attempts, nextAttemptAt };
}

function kindOf(name: string, known: readonly string[]): ProcessorStatus['kind'] {
  if (name.startsWith('replay:')) return 'replay';
  if (/^publisher[.:]/.test(name)) return 'publisher';
  return known.includes(name) ? 'projection' : 'other';
}

export async function latestSyncRuns(db: SqlExecutor, limit: number): Promise<SyncRunStatus[] | null> {
  if (!(await tableExists(db, 'wdt_sync_runs'))) return null;
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT id, trigger, status, started_at, finished_at, pages, seen, changed, unchanged, created, missing, failed, error
       FROM wdt_sync_runs ORDER BY started_at DESC, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    trigger: String(r.trigger),
    status: String(r.status),
    startedAt: new Date(r.started_at as Date).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at as Date).toISOString() : null,
    pages: Number(r.pages),
    seen: Number(r.seen),
    changed: Number(r.changed),
    unchanged: Number(r.unchanged),
    created: Number(r.created),
    missing: Number(r.missing),
    failed: Number(r.failed),
    error: (r.error as string | null) ?? null,
  }));
}

export async function openStewardshipTasks(db: SqlExecutor): Promise<{ open: number; byType: Record<string, number> } | null> {
  if (!(await tableExists(db, 'stewardship_tasks'))) return null;
  const rows: { type: string; n: number }[] = await db.query(
    `SELECT type, count(*)::int AS n FROM stewardship_tasks WHERE status = 'open' GROUP BY type ORDER BY type`,
  );
  return { open: rows.reduce((sum, r) => sum + r.n, 0), byType: Object.fromEntries(rows.map((r) => [r.type, r.n])) };
}
