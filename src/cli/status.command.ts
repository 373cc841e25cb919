import { HubStatus, ProcessorStallStatus } from '../operations/status/hub-status';
import { QueryBus } from '@nestjs/cqrs';
import { HubStatusQuery } from '../operations/status/hub-status.query';
import { CliCommand } from './commands';
import { operate } from './operate';

/** `mdm status [--json]`: the pipeline at a glance (same data as GET /api/v1/status). */
export const statusCommand: CliCommand = {
  path: ['status'],
  summary: 'event count, processor positions and lag, consumer lag, dead letters, last sync runs, open tasks',
  flags: [{ name: 'json', description: 'print the status as JSON (same as GET /api/v1/status)' }],
  async run(args) {
    const status = await operate<HubStatus>({
      remote: (hub) => hub.get('/api/v1/status'),
      local: (app) => app.get(QueryBus).execute(new HubStatusQuery()),
    });
    process.stdout.write(args.options.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
    return 0;
  },
};

function stallLine(s: ProcessorStallStatus): string {
  const at = s.failingPosition
    ? `at position ${s.failingPosition} (tx ${s.failingTransactionId})${s.narrowed ? '' : ' or after it'}`
    : 'reading events';
  return `${at}, ${s.attempts} attempt(s), next ${s.nextAttemptAt}: ${s.error}`;
}

export function formatStatus(s: HubStatus): string {
  const lines = [`events         ${s.events.count} (head position ${s.events.headPosition})`, 'processors'];
  const width = Math.max(10, ...s.processors.map((p) => p.name.length));
  for (const p of s.processors) {
    lines.push(
      `  ${p.name.padEnd(width)}  ${p.kind.padEnd(10)}  at ${p.position.padStart(8)}  lag ${p.lagEvents} events (${p.lagSeconds.toFixed(0)} s)`,
    );
    if (p.stalled) lines.push(`  ${''.padEnd(width)}  STALLED since ${p.stalled.since}: ${stallLine(p.stalled)}`);
  }
  if (s.processors.length === 0) lines.push('  (none)');
  const sink = s.kingdeeSink;
  lines.push(`kingdee sink   group ${sink.group} on ${sink.topic}: ${sink.lag === null ? `unknown (${sink.error})` : `lag ${sink.lag}`}`);
  if (s.sink)
    lines.push(
      `  this hub     ${s.sink.healthy ? 'consuming' : 'NOT CONSUMING'}${s.sink.lastError ? ` (last error ${s.sink.lastErrorAt}: ${s.sink.lastError})` : ''}`,
    );
  lines.push(`dead letters   ${s.dlq.topic}: ${s.dlq.messages === null ? `unknown (${s.dlq.error})` : `${s.dlq.messages} message(s)`}`);
  lines.push('wdt sync runs');
  if (s.wdtSyncRuns === null || s.wdtSyncRuns.length === 0)
    lines.push(`  ${s.wdtSyncRuns === null ? '(WDT ingestion not installed)' : '(none yet)'}`);
  for (const r of s.wdtSyncRuns ?? []) {
    lines.push(
      `  ${r.startedAt}  ${r.trigger.padEnd(8)}  ${r.status.padEnd(9)}  pages ${r.pages} seen ${r.seen} changed ${r.changed} unchanged ${r.unchanged} failed ${r.failed}${r.error ? `  ${r.error}` : ''}`,
    );
  }
  const tasks = s.stewardship;
  const byType = tasks
    ? Object.entries(tasks.byType)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')
    : '';
  lines.push(`stewardship    ${tasks === null ? '(not installed)' : `${tasks.open} open task(s)${byType ? ` (${byType})` : ''}`}`);
  const rc = s.reconciliation;
  if (rc) {
    const found = rc.findings
      ? `drifted ${rc.findings.drifted}, missing ${rc.findings.missingInKingdee}, unknown ${rc.findings.unknownInKingdee}`
      : '';
    lines.push(
      `reconciliation ${rc.lastRunAt ? `last ${rc.lastRunAt}: ${found}` : 'never run'}${rc.lastAttemptStatus === 'failed' ? ` (last attempt failed: ${rc.lastAttemptError})` : ''}`,
    );
  }
  lines.push(
    `jobs running   ${s.jobsRunning.length === 0 ? 'none' : s.jobsRunning.map((j) => `${j.kind} ${j.id} ${j.done}/${j.total ?? '?'}`).join('; ')}`,
  );
  for (const scheme of s.schemes)
    lines.push(
      `scheme         ${scheme.name}: ${scheme.enabled ? 'enabled' : 'DISABLED'}${scheme.mappingHash ? ` (mapping ${scheme.mappingHash.slice(0, 12)})` : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
