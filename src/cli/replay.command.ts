import { JobView } from '../operations/jobs/job';
import { JobRegistry } from '../operations/jobs/job-registry';
import { ReplayHandler, ReplayJobResult } from '../replay/replay.handler';
import { stringOption } from './args';
import { CliCommand, UsageError } from './commands';
import { followJob, jobExitCode } from './follow-job';
import { operate } from './operate';

/** `mdm replay [--projection NAME] [--from POSITION]`: rebuilds read models beside the live ones, then swaps them in. */
export const replayCommand: CliCommand = {
  path: ['replay'],
  summary: 'rebuild read models from the event store beside the live ones, then swap them in (no downtime)',
  flags: [
    { name: 'projection', value: 'NAME', description: 'only this projection (default: every projection)' },
    { name: 'from', value: 'POSITION', description: 'resume from this global position instead of 0' },
  ],
  async run(args) {
    const from = stringOption(args, 'from');
    if (from !== undefined && !/^\d+$/.test(from)) throw new UsageError(`--from must be a global position (a whole number), got "${from}"`);
    const request = { projection: stringOption(args, 'projection'), from };
    const job = await operate<JobView>({
      remote: async (hub) => followJob(await hub.post<JobView>('/api/v1/replay', request), (id) => hub.get(`/api/v1/jobs/${id}`), 'replay'),
      local: async (app) => {
        const jobs = app.get(JobRegistry);
        return followJob(await app.get(ReplayHandler).start(request, 'cli'), (id) => jobs.find(id), 'replay');
      },
    });
    if (job.status === 'succeeded') printResult(job.result as ReplayJobResult);
    return jobExitCode(job);
  },
};

function printResult(result: ReplayJobResult): void {
  for (const r of result.replayed) {
    process.stdout.write(
      `replayed ${r.projection}: ${r.events} events in ${r.seconds.toFixed(1)} s${r.resumed ? ` (resumed at ${r.from})` : ''}, now at position ${r.position}\n`,
    );
  }
  for (const s of result.skipped) process.stdout.write(`skipped ${s.projection}: ${s.reason}\n`);
  if (result.replayed.length === 0 && result.skipped.length === 0) process.stdout.write('no projections to replay\n');
}
