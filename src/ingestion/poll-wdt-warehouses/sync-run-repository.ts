import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { SqlExecutor } from '../../event-store/stored-event';
import { SyncCounts, SyncRunSummary, SyncStatus, SyncTrigger } from './sync-run';

export class WdtSyncAlreadyRunningError extends DomainError {
  constructor(readonly runningId: string | undefined) {
    super(ErrorCode.conflict, `a WDT sync is already running${runningId ? ` (run ${runningId})` : ''}`, { runId: runningId });
    this.name = 'WdtSyncAlreadyRunningError';
  }
}

export interface NewRun {
  readonly id: string;
  readonly trigger: SyncTrigger;
  readonly startedAt: Date;
  readonly correlationId: string;
  readonly actor: string;
}

const UNIQUE_VIOLATION = '23505';
export const ABANDONED_REASON = 'abandoned: the hub that ran it stopped before it finished';
const COLUMNS = `id, trigger, status, started_at, finished_at, pages, passes, seen, changed, unchanged, created, missing, failed,
  error, error_code, correlation_id, actor`;

/** `wdt_sync_runs`: hand-written SQL over any SqlExecutor. */
export class SyncRunRepository {
  constructor(private readonly db: SqlExecutor) {}

  /**
   * Only with the run lease in hand (see run-ownership.ts): a run still 'running' then belongs to a
   * hub that stopped without closing it, so it is closed as abandoned before the new one is inserted.
   * Returns the abandoned runs' ids. The unique index on 'running' rows is the last guard against overlap.
   */
  async start(run: NewRun): Promise<string[]> {
    const abandoned = (await this.db.query(
      `UPDATE wdt_sync_runs SET status = 'abandoned', finished_at = $1, error_code = 'wdt_sync_abandoned', error = $2
       WHERE status = 'running' RETURNING id`,
      [run.startedAt, ABANDONED_REASON],
    )) as unknown;
    try {
      await this.db.query(
        `INSERT INTO wdt_sync_runs (id, trigger, status, started_at, heartbeat_at, correlation_id, actor) VALUES ($1, $2, 'running', $3, $3, $4, $5)`,
        [run.id, run.trigger, run.startedAt, run.correlationId, run.actor],
      );
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      throw new WdtSyncAlreadyRunningError(await this.runningId());
    }
    return updatedIds(abandoned);
  }

  async runningId(): Promise<string | undefined> {
    const [row] = (await this.db.query(`SELECT id FROM wdt_sync_runs WHERE status = 'running'`)) as { id: string }[];
    return row?.id;
  }

  async progress(id: string, counts: SyncCounts, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE wdt_sync_runs SET heartbeat_at = $2, pages = $3, passes = $4, seen = $5, changed = $6, unchanged = $7, created = $8,
         missing = $9, failed = $10 WHERE id = $1 AND status = 'running'`,
      [id, at, counts.pages, counts.passes, counts.seen, counts.changed, counts.unchanged, counts.created, counts.missing, counts.failed],
    );
  }

  async finish(
    id: string,
    status: Exclude<SyncStatus, 'running' | 'abandoned'>,
    counts: SyncCounts,
    at: Date,
    failure?: { code: string; message: string },
  ): Promise<void> {
    await this.progress(id, counts, at);
    // A run closed as abandoned meanwhile (its lease was lost and another hub started) stays abandoned.
    await this.db.query(
      `UPDATE wdt_sync_runs SET status = $2, finished_at = $3, error = $4, error_code = $5 WHERE id = $1 AND status = 'running'`,
      [id, status, at, failure?.message ?? null, failure?.code ?? null],
    );
  }

  async find(id: string): Promise<SyncRunSummary | undefined> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM wdt_sync_runs WHERE id = $1`, [id])) as Row[];
    return rows[0] && toSummary(rows[0]);
  }

  async latest(limit: number): Promise<SyncRunSummary[]> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM wdt_sync_runs ORDER BY started_at DESC, id LIMIT $1`, [limit])) as Row[];
    return rows.map(toSummary);
  }
}

interface Row {
  id: string;
  trigger: SyncTrigger;
  status: SyncStatus;
  started_at: Date;
  finished_at: Date | null;
  pages: number;
  passes: number;
  seen: number;
  changed: number;
  unchanged: number;
  created: number;
  missing: number;
  failed: number;
  error: string | null;
  error_code: string | null;
  correlation_id: string;
  actor: string;
}

function toSummary(row: Row): SyncRunSummary {
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : undefined,
    pages: row.pages,
    passes: row.passes,
    seen: row.seen,
    changed: row.changed,
    unchanged: row.unchanged,
    created: row.created,
    missing: row.missing,
    failed: row.failed,
    error: row.error ?? undefined,
    errorCode: row.error_code ?? undefined,
    correlationId: row.correlation_id,
    actor: row.actor,
  };
}

/** `UPDATE … RETURNING` rows: pg gives [rows, count] through TypeORM, a plain array elsewhere. */
function updatedIds(result: unknown): string[] {
  const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { id: string }[];
  return Array.isArray(rows) ? rows.map((r) => r.id) : [];
}
