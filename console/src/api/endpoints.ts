import { ApiClient } from './client';
import { toDetail, toHistory, toJob, toPage, toSyncRunJob, toTasks } from './normalise';
import { FieldValue, HistoryEvent, Job, Me, Role, StatusHistory, StewardshipTask, WarehouseDetail, WarehousePage } from './types';

export interface WarehouseSearch {
  readonly q?: string;
  readonly type?: string;
  readonly status?: string;
  readonly syncStatus?: string;
  readonly sort?: string;
  readonly order?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** The REST contract (docs/architecture.md) as typed calls. */
export class HubApi {
  constructor(readonly client: ApiClient) {}

  async me(): Promise<Me> {
    const body = await this.client.get<{ name: string; role: Role }>('/me');
    return { name: body.name, role: body.role };
  }

  async warehouses(search: WarehouseSearch): Promise<WarehousePage> {
    return toPage((await this.client.read('/warehouses', { ...search })).data, search.page, search.pageSize);
  }

  async warehouse(id: string, asOf?: string): Promise<WarehouseDetail> {
    const { data, headers } = await this.client.read(`/warehouses/${encodeURIComponent(id)}`, { asOf });
    return toDetail(data, headers.get('ETag'));
  }

  async history(id: string): Promise<HistoryEvent[]> {
    return toHistory((await this.client.read(`/warehouses/${encodeURIComponent(id)}/history`)).data);
  }

  /** Answers with the record right after the change (from the event store, so no read-model lag). */
  async putOverride(id: string, field: string, value: FieldValue, reason: string, etag: string): Promise<WarehouseDetail> {
    const { data, headers } = await this.client.send('PUT', overridePath(id, field), {
      body: { value, reason },
      headers: { 'If-Match': etag },
    });
    return toDetail(data, headers.get('ETag'));
  }

  async removeOverride(id: string, field: string, reason: string, etag: string): Promise<WarehouseDetail> {
    const { data, headers } = await this.client.send('DELETE', overridePath(id, field), {
      body: { reason },
      headers: { 'If-Match': etag },
    });
    return toDetail(data, headers.get('ETag'));
  }

  /** POST …/retire or …/restore; answers with the record right after the change. */
  async lifecycle(id: string, action: 'retire' | 'restore', reason: string, etag: string): Promise<WarehouseDetail> {
    const { data, headers } = await this.client.send('POST', `/warehouses/${encodeURIComponent(id)}/${action}`, {
      body: { reason },
      headers: { 'If-Match': etag },
    });
    return toDetail(data, headers.get('ETag'));
  }

  async tasks(type: string, status: string | undefined): Promise<StewardshipTask[]> {
    return toTasks((await this.client.read('/stewardship/tasks', { type, status, pageSize: 100 })).data);
  }

  async resolveTask(taskId: string, body: { action: 'merge' | 'dismiss' | 'retry'; survivorId?: string; reason?: string }): Promise<void> {
    await this.client.send('POST', `/stewardship/tasks/${encodeURIComponent(taskId)}/resolve`, { body });
  }

  async startJob(kind: JobKind, body: Record<string, unknown>): Promise<Job> {
    const { data } = await this.client.send('POST', START[kind], { body });
    return kind === 'sync-wdt' ? toSyncRunJob(data) : toJob(data, kind);
  }

  /** The job as it is now, read where its start answer said to look. */
  async job(job: Job): Promise<Job> {
    if (!job.poll) return job;
    const body = await this.client.get(job.poll);
    return job.kind === 'sync-wdt' ? toSyncRunJob({ ...(body as object), run: `/api/v1${job.poll}` }) : toJob(body, job.kind);
  }

  async status(): Promise<unknown> {
    return this.client.get('/status');
  }

  /** Samples since an instant (default the last hour) and the WDT sync runs of the last days. */
  async statusHistory(since?: string): Promise<StatusHistory> {
    return this.client.get<StatusHistory>('/status/history', { since });
  }
}

export type JobKind = 'sync-wdt' | 'replay' | 'resync-kingdee';
const START: Record<JobKind, string> = { 'sync-wdt': '/sync/wdt', replay: '/replay', 'resync-kingdee': '/resync/kingdee' };

function overridePath(id: string, field: string): string {
  return `/warehouses/${encodeURIComponent(id)}/overrides/${encodeURIComponent(field)}`;
}
