import { HubApi } from '../api/endpoints';
import type { components } from '../api/generated';
import { JobView } from '../api/types';

/** `GET /api/v1/reconcile/kingdee`: the last run, its report and the open findings. */
export type ReconciliationFindings = components['schemas']['FindingsDto'];
export type ReconciliationTask = components['schemas']['ReconciliationTaskDto'];
type Resolved = components['schemas']['ResolveReconciliationResultDto'];
type Action = components['schemas']['ResolveReconciliationDto']['action'];

/** The reconciliation endpoints, beside the core contract in endpoints.ts. */
export const reconciliationApi = (api: HubApi) => ({
  findings: () => api.client.get<ReconciliationFindings>('/reconcile/kingdee'),
  start: async () => (await api.client.send<JobView>('POST', '/reconcile/kingdee', { body: {} })).data,
  job: (id: string) => api.client.get<JobView>(`/jobs/${encodeURIComponent(id)}`),
  resolve: async (taskId: string, action: Action) =>
    (await api.client.send<Resolved>('POST', `/reconcile/kingdee/tasks/${encodeURIComponent(taskId)}/resolve`, { body: { action } })).data,
});
