import { JobView } from '../operations/jobs/job';
import { JobRegistry } from '../operations/jobs/job-registry';
import type { ReconcileResult } from '../reconciliation/reconcile-kingdee';
import { ReconciliationService } from '../reconciliation/reconciliation.service';
import { CliCommand, CliError } from './commands';
import { followJob, jobExitCode } from './follow-job';
import { operate } from './operate';

/**
 * `mdm reconcile kingdee [--json]`: compares every BD_STOCK of the use-org with the golden records.
 * Exit 0 whenever the run completed, whatever it found (findings are tasks for stewards, not errors).
 */
export const reconcileCommand: CliCommand = {
  path: ['reconcile', 'kingdee'],
  summary: 'compare every Kingdee BD_STOCK of the use-org with the golden records (exit 0 when it ran, whatever it found)',
  flags: [{ name: 'json', description: 'print one JSON object {checked, kingdeeRecords, drifted, missingInKingdee, unknownInKingdee}' }],
  async run(args) {
    if (args.positional.length > 0) throw new CliError(`unexpected argument: ${args.positional[0]}`);
    const job = await operate<JobView>({
      remote: async (hub) =>
        followJob(await hub.post<JobView>('/api/v1/reconcile/kingdee', {}), (id) => hub.get(`/api/v1/jobs/${id}`), 'reconcile'),
      local: async (app) => {
        const jobs = app.get(JobRegistry);
        return followJob(await app.get(ReconciliationService).start('cli', 'cli'), (id) => jobs.find(id), 'reconcile');
      },
    });
    if (job.status !== 'succeeded') return jobExitCode(job);
    const { report, kingdeeCalls } = job.result as ReconcileResult;
    if (args.options.json === true) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    }
    const lines = [
      `compared ${report.checked} golden record(s) with ${report.kingdeeRecords} Kingdee record(s) (${kingdeeCalls} ExecuteBillQuery call(s))`,
      `drifted: ${report.drifted.length} field(s), missing in Kingdee: ${report.missingInKingdee.length}, unknown in Kingdee: ${report.unknownInKingdee.length}`,
      ...report.drifted.map(
        (d) => `  drift    ${d.warehouseNo} ${d.field}: Kingdee ${JSON.stringify(d.kingdee)}, golden ${JSON.stringify(d.golden)}`,
      ),
      ...report.missingInKingdee.map((m) => `  missing  ${m.warehouseNo} (${m.goldenId})`),
      ...report.unknownInKingdee.map(
        (u) =>
          `  unknown  ${u.FNumber} ${u.FName} (FStockId ${u.FStockId})${u.candidateGoldenId ? `, looks like ${u.candidateGoldenId}` : ''}`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
