import { JobView } from '../operations/jobs/job';
import { ProgressBar } from './progress';

/**
 * Polls a job until it finishes, drawing its progress. Works the same for a job in a running hub
 * (GET /api/v1/jobs/{id}) and one in this process (the jobs table), since both read the table.
 */
export async function followJob(
  job: JobView,
  read: (id: string) => Promise<JobView | undefined>,
  label: string,
  intervalMs = 300,
): Promise<JobView> {
  const bar = new ProgressBar(label);
  let current = job;
  while (current.status === 'running') {
    bar.update(current.progress.done, current.progress.total ?? undefined);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    current = (await read(job.id)) ?? current;
  }
  bar.update(current.progress.done, current.progress.total ?? undefined);
  bar.finish();
  return current;
}

/** Exit code and one clear stderr line for a failed job. */
export function jobExitCode(job: JobView): number {
  if (job.status === 'succeeded') return 0;
  process.stderr.write(`mdm: ${job.kind} failed: ${job.error?.message ?? 'unknown error'} (${job.error?.code ?? 'internal_error'})\n`);
  return 1;
}
