import type { components } from './generated';
import { Job, JobView, SyncRun } from './types';

/** Jobs (`/jobs/{id}`) and WDT sync runs (`/sync/wdt/runs/{id}`) as one console Job to follow. */
export type WdtSyncStarted = components['schemas']['WdtSyncStartedDto'];

export function jobOf(kind: Job['kind'], view: JobView): Job {
  return {
    id: view.id,
    kind,
    status: view.status,
    done: view.progress.done,
    total: view.progress.total,
    startedAt: view.startedAt,
    summary: view.result,
    error: view.error ? `${view.error.code}: ${view.error.message}` : null,
    poll: `/jobs/${encodeURIComponent(view.id)}`,
  };
}

/** `POST /sync/wdt` answers where to read the run (`run`), which has its counts but no progress total. */
export function startedRun(started: WdtSyncStarted): Job {
  const poll = started.run.replace(/^\/api\/v1/, '');
  return {
    id: started.runId,
    kind: 'sync-wdt',
    status: started.status,
    done: null,
    total: null,
    startedAt: null,
    summary: null,
    error: null,
    poll,
  };
}

export function runOf(poll: string, run: SyncRun): Job {
  const { pages, seen, created, changed, unchanged, missing, failed } = run;
  return {
    id: run.id,
    kind: 'sync-wdt',
    status: run.status,
    done: pages,
    total: null,
    startedAt: run.startedAt,
    summary: { pages, seen, created, changed, unchanged, missing, failed },
    error: [run.errorCode, run.error].filter(Boolean).join(': ') || null,
    poll,
  };
}
