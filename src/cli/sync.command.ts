import { INestApplicationContext } from '@nestjs/common';
import { SyncRunSummary } from '../ingestion/poll-wdt-warehouses/sync-run';
import { WdtSyncRunner } from '../ingestion/poll-wdt-warehouses/wdt-sync-runner';
import { CliCommand, CliError } from './commands';
import { HubClient } from './hub-client';
import { operate } from './operate';
import { ProgressBar } from './progress';

/** `mdm sync wdt`: pulls WDT now (through the running hub if there is one); progress bar, then the summary. */
export const syncCommand: CliCommand = {
  path: ['sync', 'wdt'],
  summary: 'pull warehouses from WDT now (progress bar, then pages, seen, changed, unchanged, failed)',
  async run() {
    const run = await operate<SyncRunSummary>({ remote: viaHub, local: inProcess });
    process.stdout.write(
      `WDT sync ${run.status}: pages ${run.pages}, seen ${run.seen}, changed ${run.changed} (created ${run.created}), unchanged ${run.unchanged}, missing ${run.missing}, failed ${run.failed}\n`,
    );
    if (run.status === 'succeeded') return 0;
    process.stderr.write(`mdm: WDT sync failed: ${run.error ?? 'unknown error'}${run.errorCode ? ` (${run.errorCode})` : ''}\n`);
    return 1;
  },
};

async function viaHub(hub: HubClient): Promise<SyncRunSummary> {
  const { runId } = await hub.post<{ runId: string }>('/api/v1/sync/wdt');
  const bar = new ProgressBar('sync wdt');
  for (;;) {
    const run = await hub.get<SyncRunSummary>(`/api/v1/sync/wdt/runs/${runId}`);
    bar.update(run.pages, undefined, `pages, ${run.seen} seen`);
    if (run.status !== 'running') {
      bar.finish();
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function inProcess(app: INestApplicationContext): Promise<SyncRunSummary> {
  let runner: WdtSyncRunner;
  try {
    runner = app.get(WdtSyncRunner, { strict: false });
  } catch {
    throw new CliError('WDT ingestion is not part of this hub build');
  }
  const bar = new ProgressBar('sync wdt');
  const summary = await runner.run('cli', { onProgress: (p) => bar.update(p.page, p.pages, `pages, ${p.seen} seen`) });
  bar.finish();
  return summary;
}
