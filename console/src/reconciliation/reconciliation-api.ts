import { HubApi } from '../api/endpoints';

/** One open reconciliation task as `GET /api/v1/reconcile/kingdee` lists it. */
export interface ReconciliationTask {
  readonly taskId: string;
  readonly type: 'kingdee_drift' | 'kingdee_missing' | 'kingdee_unknown';
  readonly goldenId: string | null;
  readonly warehouseNo: string | null;
  readonly name: string | null;
  readonly title: string;
  readonly details: {
    readonly fields?: ReadonlyArray<{ field: string; kingdee: unknown; golden: unknown }>;
    readonly fStockId?: string | null;
    readonly FNumber?: string;
    readonly FStockId?: string;
    readonly FName?: string;
  };
  readonly openedAt: string;
  readonly actions: readonly string[];
}

export interface ReconciliationRunSummary {
  readonly runId: string;
  readonly trigger: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly kingdeeCalls: number | null;
  readonly error: string | null;
}

export interface ReconciliationFindings {
  readonly lastRun: ReconciliationRunSummary | null;
  readonly lastAttempt: ReconciliationRunSummary | null;
  readonly report: { checked: number; kingdeeRecords: number } | null;
  readonly open: Readonly<Record<ReconciliationTask['type'], number>>;
  readonly tasks: readonly ReconciliationTask[];
}

/** The reconciliation endpoints, beside the core contract in endpoints.ts. */
export const reconciliationApi = (api: HubApi) => ({
  findings: () => api.client.get<ReconciliationFindings>('/reconcile/kingdee'),
  start: async () => (await api.client.send<{ id: string }>('POST', '/reconcile/kingdee', { body: {} })).data,
  job: (id: string) => api.client.get<{ status: string; error: { message: string } | null }>(`/jobs/${encodeURIComponent(id)}`),
  resolve: (taskId: string, action: string) =>
    api.client.send('POST', `/reconcile/kingdee/tasks/${encodeURIComponent(taskId)}/resolve`, { body: { action } }),
});
