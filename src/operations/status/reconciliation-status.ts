import { SqlExecutor } from '../../event-store/stored-event';

export interface ReconciliationStatus {
  /** When the last successful reconciliation with Kingdee finished (null: never). */
  readonly lastRunAt: string | null;
  /** The newest attempt's status (a failed one does not hide the last findings). */
  readonly lastAttemptStatus: string | null;
  readonly lastAttemptError: string | null;
  /** Findings of the last successful run, by type. */
  readonly findings: { readonly drifted: number; readonly missingInKingdee: number; readonly unknownInKingdee: number } | null;
}

/** null when the reconciliation tables are not there (the feature is not installed). */
export async function reconciliationStatus(db: SqlExecutor): Promise<ReconciliationStatus | null> {
  const [exists]: { t: string | null }[] = await db.query(`SELECT to_regclass('reconciliation_runs')::text AS t`);
  if (!exists?.t) return null;
  const [last]: Record<string, any>[] = await db.query(
    `SELECT finished_at, report FROM reconciliation_runs WHERE status = 'succeeded' ORDER BY started_at DESC LIMIT 1`,
  );
  const [attempt]: Record<string, any>[] = await db.query(`SELECT status, error FROM reconciliation_runs ORDER BY started_at DESC LIMIT 1`);
  const report = last?.report as { drifted: unknown[]; missingInKingdee: unknown[]; unknownInKingdee: unknown[] } | undefined;
  return {
    lastRunAt: last?.finished_at ? new Date(last.finished_at).toISOString() : null,
    lastAttemptStatus: attempt?.status ?? null,
    lastAttemptError: attempt?.error ?? null,
    findings: report
      ? {
          drifted: report.drifted.length,
          missingInKingdee: report.missingInKingdee.length,
          unknownInKingdee: report.unknownInKingdee.length,
        }
      : null,
  };
}
