import { SqlExecutor } from '../event-store/stored-event';
import type { PublicReconciliationReport } from './domain/findings';
import type { UnknownFinding } from './domain/findings';

export interface ReconciliationRun {
  readonly runId: string;
  readonly trigger: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly report: PublicReconciliationReport | null;
  readonly kingdeeCalls: number | null;
  readonly error: string | null;
}

export interface UnknownRecordRow {
  readonly taskId: string;
  readonly fStockId: string;
  readonly fNumber: string;
  readonly fName: string;
  readonly candidateGoldenId: string | null;
  readonly status: 'open' | 'ignored' | 'adopted' | 'gone';
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly resolvedBy: string | null;
  readonly adoptedGoldenId: string | null;
}

export const unknownTaskId = (fStockId: string): string => `task_unknown_${fStockId}`;
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** Reconciliation runs and the log of Kingdee records the hub never wrote (reconciliation_runs, kingdee_unknown_records). */
export class ReconciliationStore {
  constructor(private readonly db: SqlExecutor) {}

  async startRun(runId: string, trigger: string, at: Date): Promise<void> {
    await this.db.query(`INSERT INTO reconciliation_runs (run_id, trigger, status, started_at) VALUES ($1, $2, 'running', $3)`, [
      runId,
      trigger,
      at,
    ]);
  }

  async finishRun(runId: string, outcome: { report: PublicReconciliationReport; calls: number } | { error: string }, at: Date) {
    const ok = 'report' in outcome;
    await this.db.query(
      `UPDATE reconciliation_runs SET status = $2, finished_at = $3, report = $4, kingdee_calls = $5, error = $6 WHERE run_id = $1`,
      [
        runId,
        ok ? 'succeeded' : 'failed',
        at,
        ok ? JSON.stringify(outcome.report) : null,
        ok ? outcome.calls : null,
        ok ? null : outcome.error,
      ],
    );
  }

  /** The newest finished run with findings (a failed run never hides the last good findings). */
  async latestRun(): Promise<ReconciliationRun | undefined> {
    const [row] = await this.db.query(`SELECT * FROM reconciliation_runs WHERE status = 'succeeded' ORDER BY started_at DESC LIMIT 1`);
    return row ? toRun(row) : undefined;
  }

  async lastAttempt(): Promise<ReconciliationRun | undefined> {
    const [row] = await this.db.query(`SELECT * FROM reconciliation_runs ORDER BY started_at DESC LIMIT 1`);
    return row ? toRun(row) : undefined;
  }

  async ignoredIds(): Promise<Set<string>> {
    const rows: { f_stock_id: string }[] = await this.db.query(`SELECT f_stock_id FROM kingdee_unknown_records WHERE status = 'ignored'`);
    return new Set(rows.map((r) => r.f_stock_id));
  }

  /** Logs this run's unknown records (opening a task for new ones); open ones not seen this run are gone and closed. */
  async recordUnknown(runId: string, found: readonly UnknownFinding[], at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO kingdee_unknown_records (f_stock_id, task_id, f_number, f_name, candidate_golden_id, status, first_seen_at, last_seen_at, last_run_id)
       SELECT r.id, 'task_unknown_' || r.id, r.number, r.name, r.candidate, 'open', $2, $2, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, number text, name text, candidate text)
       ON CONFLICT (f_stock_id) DO UPDATE SET f_number = EXCLUDED.f_number, f_name = EXCLUDED.f_name,
         candidate_golden_id = EXCLUDED.candidate_golden_id, last_seen_at = $2, last_run_id = $3, status = 'open',
         resolved_at = NULL, resolved_by = NULL
       WHERE kingdee_unknown_records.status IN ('open', 'gone')`,
      [JSON.stringify(found.map((f) => ({ id: f.FStockId, number: f.FNumber, name: f.FName, candidate: f.candidateGoldenId }))), at, runId],
    );
    await this.db.query(
      `UPDATE kingdee_unknown_records SET status = 'gone', resolved_at = $2, resolved_by = 'reconciliation'
        WHERE status = 'open' AND last_run_id <> $1`,
      [runId, at],
    );
  }

  async unknownByTask(taskId: string): Promise<UnknownRecordRow | undefined> {
    const [row] = await this.db.query(`SELECT * FROM kingdee_unknown_records WHERE task_id = $1`, [taskId]);
    return row ? toUnknown(row) : undefined;
  }

  async resolveUnknown(taskId: string, status: 'ignored' | 'adopted', by: string, at: Date, goldenId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE kingdee_unknown_records SET status = $2, resolved_by = $3, resolved_at = $4, adopted_golden_id = $5 WHERE task_id = $1`,
      [taskId, status, by, at, goldenId],
    );
  }

  async listUnknown(status?: UnknownRecordRow['status']): Promise<UnknownRecordRow[]> {
    const rows = await this.db.query(
      `SELECT * FROM kingdee_unknown_records WHERE ($1::text IS NULL OR status = $1) ORDER BY first_seen_at DESC, f_stock_id`,
      [status ?? null],
    );
    return rows.map(toUnknown);
  }
}

function toRun(r: Record<string, any>): ReconciliationRun {
  return {
    runId: r.run_id,
    trigger: r.trigger,
    status: r.status,
    startedAt: iso(r.started_at)!,
    finishedAt: iso(r.finished_at),
    report: r.report,
    kingdeeCalls: r.kingdee_calls,
    error: r.error,
  };
}

function toUnknown(r: Record<string, any>): UnknownRecordRow {
  return {
    taskId: r.task_id,
    fStockId: r.f_stock_id,
    fNumber: r.f_number,
    fName: r.f_name,
    candidateGoldenId: r.candidate_golden_id,
    status: r.status,
    firstSeenAt: iso(r.first_seen_at)!,
    lastSeenAt: iso(r.last_seen_at)!,
    resolvedBy: r.resolved_by,
    adoptedGoldenId: r.adopted_golden_id,
  };
}
