import { ApiClient } from './client';
import type { components } from './generated';
import { jobOf, runOf, startedRun, WdtSyncStarted } from './jobs';
import {
  FieldValue,
  HistoryEvent,
  HubStatus,
  Job,
  JobView,
  Me,
  StatusHistory,
  StewardshipTask,
  SyncRun,
  WarehouseDetail,
  WarehousePage,
} from './types';

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

type ResolveTask = components['schemas']['ResolveTaskDto'];
type TaskPage = components['schemas']['TaskPageDto'];

/** The REST contract as typed calls; the bodies are the OpenAPI document's (generated.ts). */
export class HubApi {
  constructor(readonly client: ApiClient) {}

  me(): Promise<Me> {
    return this.client.get<Me>('/me');
  }

  async warehouses(search: WarehouseSearch): Promise<WarehousePage> {
    return (await this.client.read<WarehousePage>('/warehouses', { ...search })).data;
  }

  async warehouse(id: string, asOf?: string): Promise<WarehouseDetail> {
    return (await this.client.read<WarehouseDetail>(`/warehouses/${encodeURIComponent(id)}`, { asOf })).data;
  }

  async history(id: string): Promise<HistoryEvent[]> {
    return (await this.client.read<HistoryEvent[]>(`/warehouses/${encodeURIComponent(id)}/history`)).data;
  }

  /** Answers with the record right after the change (from the event store, so no read-model lag). */
  putOverride(id: string, field: string, value: FieldValue, reason: string, version: number): Promise<WarehouseDetail> {
    return this.change('PUT', overridePath(id, field), { value, reason }, version);
  }

  removeOverride(id: string, field: string, reason: string, version: number): Promise<WarehouseDetail> {
    return this.change('DELETE', overridePath(id, field), { reason }, version);
  }

  /** POST …/retire or …/restore; answers with the record right after the change. */
  lifecycle(id: string, action: 'retire' | 'restore', reason: string, version: number): Promise<WarehouseDetail> {
    return this.change('POST', `/warehouses/${encodeURIComponent(id)}/${action}`, { reason }, version);
  }

  async tasks(
    type: StewardshipTask['type'] | undefined,
    status: StewardshipTask['status'] | undefined,
  ): Promise<readonly StewardshipTask[]> {
    return (await this.client.read<TaskPage>('/stewardship/tasks', { type, status, pageSize: 100 })).data.items;
  }

  async resolveTask(taskId: string, body: ResolveTask): Promise<void> {
    await this.client.send('POST', `/stewardship/tasks/${encodeURIComponent(taskId)}/resolve`, { body });
  }

  async startJob(kind: Job['kind'], body: Record<string, unknown>): Promise<Job> {
    if (kind === 'sync-wdt') return startedRun((await this.client.send<WdtSyncStarted>('POST', '/sync/wdt', { body })).data);
    return jobOf(kind, (await this.client.send<JobView>('POST', START[kind], { body })).data);
  }

  /** The job as it is now, read where its start answer said to look. */
  async job(job: Job): Promise<Job> {
    if (job.kind === 'sync-wdt') return runOf(job.poll, await this.client.get<SyncRun>(job.poll));
    return jobOf(job.kind, await this.client.get<JobView>(job.poll));
  }

  status(): Promise<HubStatus> {
    return this.client.get<HubStatus>('/status');
  }

  /** Samples since an instant (default the last hour) and the WDT sync runs of the last days. */
  statusHistory(since?: string): Promise<StatusHistory> {
    return this.client.get<StatusHistory>('/status/history', { since });
  }

  /** A change to one golden record: If-Match is its record version (the ETag the hub answers with). */
  private async change(method: string, path: string, body: unknown, version: number): Promise<WarehouseDetail> {
    return (await this.client.send<WarehouseDetail>(method, path, { body, headers: { 'If-Match': `"${version}"` } })).data;
  }
}

const START = { replay: '/replay', 'resync-kingdee': '/resync/kingdee' } as const;

function overridePath(id: string, field: string): string {
  return `/warehouses/${encodeURIComponent(id)}/overrides/${encodeURIComponent(field)}`;
}
