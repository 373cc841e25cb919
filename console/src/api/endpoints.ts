import { ApiClient } from './client';
import { toDetail, toHistory, toJob, toPage, toTasks } from './normalise';
import { FieldValue, HistoryEvent, Job, Me, Role, StewardshipTask, WarehouseDetail, WarehousePage } from './types';

export interface WarehouseSearch {
  readonly q?: string;
  readonly type?: string;
  readonly status?: string;
  readonly syncStatus?: string;
  readonly page: number;
  readonly pageSize: number;
}

/** The REST contract (DESIGN.md 2.3) as typed calls. */
export class HubApi {
  constructor(readonly client: ApiClient) {}

  async me(): Promise<Me> {
    const body = await this.client.get<{ name: string; role: Role }>('/me');
    return { name: body.name, role: body.role };
  }

  async warehouses(search: WarehouseSearch): Promise<WarehousePage> {
    return toPage(await this.client.get('/warehouses', { ...search }), search.page, search.pageSize);
  }

  async warehouse(id: string, asOf?: string): Promise<WarehouseDetail> {
    const { data, headers } = await this.client.send('GET', `/warehouses/${encodeURIComponent(id)}`, { query: { asOf } });
    return toDetail(data, headers.get('ETag'));
  }

  async history(id: string): Promise<HistoryEvent[]> {
    return toHistory(await this.client.get(`/warehouses/${encodeURIComponent(id)}/history`));
  }

  async putOverride(id: string, field: string, value: FieldValue, reason: string, etag: string): Promise<void> {
    await this.client.send('PUT', overridePath(id, field), { body: { value, reason }, headers: { 'If-Match': etag } });
  }

  async removeOverride(id: string, field: string, reason: string, etag: string): Promise<void> {
    await this.client.send('DELETE', overridePath(id, field), { query: { reason }, body: { reason }, headers: { 'If-Match': etag } });
  }

  async tasks(type: string, status: string | undefined): Promise<StewardshipTask[]> {
    return toTasks(await this.client.get('/stewardship/tasks', { type, status, pageSize: 100 }));
  }

  async resolveTask(taskId: string, body: { action: 'merge' | 'dismiss' | 'retry'; survivorId?: string; reason?: string }): Promise<void> {
    await this.client.send('POST', `/stewardship/tasks/${encodeURIComponent(taskId)}/resolve`, { body });
  }

  async startJob(kind: 'sync-wdt' | 'replay' | 'resync-kingdee', body: Record<string, unknown>): Promise<Job> {
    const path = { 'sync-wdt': '/sync/wdt', replay: '/replay', 'resync-kingdee': '/resync/kingdee' }[kind];
    return toJob((await this.client.send('POST', path, { body })).data, kind);
  }

  async job(id: string, kind: string): Promise<Job> {
    return toJob(await this.client.get(`/jobs/${encodeURIComponent(id)}`), kind);
  }

  async status(): Promise<unknown> {
    return this.client.get('/status');
  }
}

function overridePath(id: string, field: string): string {
  return `/warehouses/${encodeURIComponent(id)}/overrides/${encodeURIComponent(field)}`;
}
