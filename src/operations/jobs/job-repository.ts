import { SqlExecutor } from '../../event-store/stored-event';
import { JobStatus, JobView } from './job';

interface Row {
  id: string;
  kind: string;
  status: JobStatus;
  params: Record<string, unknown>;
  done: string;
  total: string | null;
  result: unknown;
  error: string | null;
  error_code: string | null;
  actor: string;
  correlation_id: string;
  started_at: Date;
  finished_at: Date | null;
}

const COLUMNS = `id, kind, status, params, done::text AS done, total::text AS total, result, error, error_code, actor, correlation_id, started_at, finished_at`;

/** `operator_jobs`: hand-written SQL over any SqlExecutor. */
export class JobRepository {
  constructor(private readonly db: SqlExecutor) {}

  async insert(job: { id: string; kind: string; params: unknown; actor: string; correlationId: string; at: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO operator_jobs (id, kind, status, params, actor, correlation_id, started_at, heartbeat_at)
       VALUES ($1, $2, 'running', $3, $4, $5, $6, $6)`,
      [job.id, job.kind, JSON.stringify(job.params ?? {}), job.actor, job.correlationId, job.at],
    );
  }

  async progress(id: string, done: number, total: number | null, at: Date): Promise<void> {
    await this.db.query(`UPDATE operator_jobs SET done = $2, total = $3, heartbeat_at = $4 WHERE id = $1 AND status = 'running'`, [
      id,
      done,
      total,
      at,
    ]);
  }

  async finish(
    id: string,
    outcome: { status: Exclude<JobStatus, 'running'>; result?: unknown; error?: { code: string; message: string } },
    at: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE operator_jobs SET status = $2, result = $3, error_code = $4, error = $5, finished_at = $6, heartbeat_at = $6 WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.error?.code ?? null,
        outcome.error?.message ?? null,
        at,
      ],
    );
  }

  /** Closes jobs whose hub stopped while they ran (no heartbeat since `staleBefore`). */
  async abandonStale(staleBefore: Date, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE operator_jobs SET status = 'failed', finished_at = $2, error_code = 'job_abandoned',
         error = 'abandoned: the hub running it stopped before it finished; start it again (replays resume where they stopped)'
       WHERE status = 'running' AND heartbeat_at < $1`,
      [staleBefore, at],
    );
  }

  async find(id: string): Promise<JobView | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM operator_jobs WHERE id = $1`, [id]);
    return rows[0] && toView(rows[0]);
  }

  async latest(limit: number, kind?: string): Promise<JobView[]> {
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM operator_jobs WHERE $2::text IS NULL OR kind = $2 ORDER BY started_at DESC, id LIMIT $1`,
      [limit, kind ?? null],
    );
    return rows.map(toView);
  }
}

function toView(row: Row): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    params: row.params,
    progress: { done: Number(row.done), total: row.total === null ? null : Number(row.total) },
    result: row.result ?? null,
    error: row.error_code ? { code: row.error_code, message: row.error ?? '' } : null,
    actor: row.actor,
    correlationId: row.correlation_id,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
