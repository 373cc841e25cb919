import { SqlExecutor } from '../event-store/stored-event';
import { ReconciliationStore, type ReconciliationRun } from './reconciliation-store';

export type ReconciliationTaskType = 'kingdee_drift' | 'kingdee_missing' | 'kingdee_unknown';

export interface ReconciliationTaskView {
  readonly taskId: string;
  readonly type: ReconciliationTaskType;
  /** The golden record concerned (for an unknown record: the one proposed for adoption, if any). */
  readonly goldenId: string | null;
  readonly warehouseNo: string | null;
  readonly name: string | null;
  readonly title: string;
  /** drift: `{fields: [{field, kingdee, golden}]}`; missing: `{fStockId}`; unknown: `{FNumber, FStockId, FName}`. */
  readonly details: unknown;
  readonly openedAt: string;
  readonly actions: readonly string[];
}

export interface FindingsView {
  readonly lastRun: Omit<ReconciliationRun, 'report'> | null;
  readonly lastAttempt: Omit<ReconciliationRun, 'report'> | null;
  /** The last successful run's report, exactly as `mdm reconcile kingdee --json` prints it. */
  readonly report: ReconciliationRun['report'];
  /** Open tasks per type right now (they close as stewards decide or Kingdee is fixed). */
  readonly open: Readonly<Record<ReconciliationTaskType, number>>;
  readonly tasks: readonly ReconciliationTaskView[];
}

const ACTIONS: Record<ReconciliationTaskType, readonly string[]> = {
  kingdee_drift: ['push', 'accept'],
  kingdee_missing: ['recreate', 'retire'],
  kingdee_unknown: ['adopt', 'ignore'],
};

const summary = (run: ReconciliationRun | undefined) => {
  if (!run) return null;
  const { report: _report, ...rest } = run;
  return rest;
};

/** `GET /api/v1/reconcile/kingdee`: the last run and every open reconciliation task, both values side by side. */
export async function findingsView(db: SqlExecutor): Promise<FindingsView> {
  const store = new ReconciliationStore(db);
  const [lastRun, lastAttempt, unknown] = await Promise.all([store.latestRun(), store.lastAttempt(), store.listUnknown('open')]);
  const rows: Record<string, any>[] = await db.query(
    `SELECT t.task_id, t.type, t.golden_id, t.title, t.details, t.opened_at, g.warehouse_no, g.name
       FROM stewardship_tasks t LEFT JOIN golden_warehouses g ON g.golden_id = t.golden_id
      WHERE t.status = 'open' AND t.type IN ('kingdee_drift', 'kingdee_missing') ORDER BY t.opened_at, t.task_id`,
  );
  const candidates: Record<string, any>[] = await db.query(
    `SELECT golden_id, warehouse_no, name FROM golden_warehouses WHERE golden_id = ANY($1)`,
    [unknown.flatMap((u) => (u.candidateGoldenId ? [u.candidateGoldenId] : []))],
  );
  const byId = new Map(candidates.map((c) => [c.golden_id as string, c]));
  const tasks: ReconciliationTaskView[] = [
    ...rows.map((r) => ({
      taskId: r.task_id,
      type: r.type as ReconciliationTaskType,
      goldenId: r.golden_id,
      warehouseNo: r.warehouse_no,
      name: r.name,
      title: r.title,
      details: r.details,
      openedAt: new Date(r.opened_at).toISOString(),
      actions: ACTIONS[r.type as ReconciliationTaskType],
    })),
    ...unknown.map((u) => ({
      taskId: u.taskId,
      type: 'kingdee_unknown' as const,
      goldenId: u.candidateGoldenId,
      warehouseNo: byId.get(u.candidateGoldenId ?? '')?.warehouse_no ?? null,
      name: byId.get(u.candidateGoldenId ?? '')?.name ?? null,
      title: `Kingdee has ${u.fNumber} (${u.fName}), which the hub did not write`,
      details: { FNumber: u.fNumber, FStockId: u.fStockId, FName: u.fName },
      openedAt: u.firstSeenAt,
      actions: ACTIONS.kingdee_unknown,
    })),
  ];
  const count = (type: ReconciliationTaskType) => tasks.filter((t) => t.type === type).length;
  return {
    lastRun: summary(lastRun),
    lastAttempt: summary(lastAttempt),
    report: lastRun?.report ?? null,
    open: { kingdee_drift: count('kingdee_drift'), kingdee_missing: count('kingdee_missing'), kingdee_unknown: count('kingdee_unknown') },
    tasks,
  };
}
