import { JobView } from '../operations/jobs/job';
import { JobRegistry } from '../operations/jobs/job-registry';
import { ResyncKingdeeHandler, ResyncResult } from '../replay/resync-kingdee.handler';
import { listOption, stringOption } from './args';
import { CliCommand, UsageError } from './commands';
import { followJob, jobExitCode } from './follow-job';
import { operate } from './operate';

/** `mdm resync kingdee [--all | --id GOLDEN_ID…]`: new golden versions the sink writes to Kingdee again. */
export const resyncCommand: CliCommand = {
  path: ['resync', 'kingdee'],
  summary: 'republish golden records so the sink rewrites them in Kingdee',
  args: [{ name: 'GOLDEN_ID', repeatable: true }],
  flags: [
    { name: 'all', description: 'every golden record that is not retired' },
    { name: 'id', value: 'GOLDEN_ID', description: 'a golden record to resync', repeatable: true },
    { name: 'reason', value: 'TEXT', description: 'why, kept with the audit trail' },
  ],
  synopsis: '(--all | --id GOLDEN_ID… | GOLDEN_ID…) [--reason TEXT]',
  async run(args) {
    const all = args.options.all === true;
    const ids = [...listOption(args, 'id'), ...args.positional];
    if (all === ids.length > 0) throw new UsageError('give --all or one or more --id GOLDEN_ID');
    const request = all ? { all: true, reason: stringOption(args, 'reason') } : { ids, reason: stringOption(args, 'reason') };
    const job = await operate<JobView>({
      remote: async (hub) =>
        followJob(await hub.post<JobView>('/api/v1/resync/kingdee', request), (id) => hub.get(`/api/v1/jobs/${id}`), 'resync'),
      local: async (app) => {
        const jobs = app.get(JobRegistry);
        return followJob(await app.get(ResyncKingdeeHandler).start(request, 'cli'), (id) => jobs.find(id), 'resync');
      },
    });
    if (job.status !== 'succeeded') return jobExitCode(job);
    const result = job.result as ResyncResult;
    process.stdout.write(`resync requested for ${result.resynced} of ${result.requested} golden record(s)\n`);
    for (const s of result.skipped) process.stdout.write(`skipped ${s.goldenId}: ${s.message}\n`);
    // Named records that could not be resynced are a failure; with --all, retired ones are expected.
    if (!all && result.skippedCount > 0) {
      process.stderr.write(`mdm: ${result.skippedCount} of the named golden records could not be resynced\n`);
      return 1;
    }
    return 0;
  },
};
