import { randomUUID } from 'node:crypto';
import { SqlExecutor } from '../../event-store/stored-event';
import { Logger } from '../../platform/logging/logging.module';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { JobContext, JobRequest, JobView } from './job';
import { JobRepository } from './job-repository';

export interface JobRegistryOptions {
  /** How often a running job's row is touched (progress and heartbeat). Default 1 s. */
  readonly flushMs?: number;
  /** A running job untouched this long belongs to a hub that died. Default 60 s. */
  readonly staleAfterMs?: number;
  readonly clock?: () => Date;
}

/** The work of a job; `signal` aborts when the hub shuts down (stop between batches). */
export type JobWork<R> = (context: JobContext & { readonly signal: AbortSignal }) => Promise<R>;

/**
 * Runs long operator work in the background and keeps its state in `operator_jobs`. Progress is
 * written on a timer rather than per call, so a replay reporting every batch costs no extra SQL.
 */
export class JobRegistry {
  readonly repository: JobRepository;
  private readonly running = new Map<string, { done: Promise<void>; abort: AbortController }>();
  private readonly clock: () => Date;

  constructor(
    db: SqlExecutor,
    private readonly logger: Logger,
    private readonly options: JobRegistryOptions = {},
  ) {
    this.repository = new JobRepository(db);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Registers the job and starts it; resolves with its first view (status running). */
  async start<R>(request: JobRequest, work: JobWork<R>): Promise<JobView> {
    const id = randomUUID();
    const correlationId = request.correlationId ?? id;
    await this.repository.insert({ id, kind: request.kind, params: request.params, actor: request.actor, correlationId, at: this.clock() });
    const abort = new AbortController();
    const done = this.execute(id, correlationId, request, work, abort.signal).finally(() => this.running.delete(id));
    this.running.set(id, { done, abort });
    return (await this.repository.find(id))!;
  }

  /** Starts the job and waits for it (the CLI running without a hub, tests). */
  async run<R>(request: JobRequest, work: JobWork<R>): Promise<JobView> {
    const job = await this.start(request, work);
    await this.settled(job.id);
    return (await this.repository.find(job.id))!;
  }

  /** Resolves when a job started by this process has finished (at once for others). */
  async settled(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }

  find(id: string): Promise<JobView | undefined> {
    return this.repository.find(id);
  }

  async abandonStale(): Promise<void> {
    const now = this.clock();
    await this.repository.abandonStale(new Date(now.getTime() - (this.options.staleAfterMs ?? 60_000)), now);
  }

  /** Asks every running job to stop and waits for them (they end failed, `job_cancelled`). */
  async stopAll(): Promise<void> {
    for (const job of this.running.values()) job.abort.abort();
    await Promise.all([...this.running.values()].map((j) => j.done));
  }

  private async execute<R>(id: string, correlationId: string, request: JobRequest, work: JobWork<R>, signal: AbortSignal): Promise<void> {
    const log = this.logger.child({ jobId: id, job: request.kind, correlationId });
    const state = { done: 0, total: null as number | null, dirty: false };
    const flush = async () => {
      state.dirty = false;
      await this.repository
        .progress(id, state.done, state.total, this.clock())
        .catch((e: unknown) => log.warn({ err: e }, 'could not record job progress'));
    };
    const timer = setInterval(() => void flush(), this.options.flushMs ?? 1000);
    log.info({ params: request.params, actor: request.actor }, 'job started');
    try {
      const progress = (done: number, total?: number | null) =>
        Object.assign(state, { done, total: total === undefined ? state.total : total, dirty: true });
      const result = await work({ id, correlationId, progress, signal });
      clearInterval(timer);
      await flush();
      await this.repository.finish(id, { status: 'succeeded', result }, this.clock());
      log.info({ result }, 'job succeeded');
    } catch (error) {
      clearInterval(timer);
      const failure = describeFailure(error, signal);
      await flush();
      await this.repository
        .finish(id, { status: 'failed', error: failure }, this.clock())
        .catch((e: unknown) => log.error({ err: e }, 'could not record a job failure'));
      log.error({ err: error, code: failure.code }, `job failed: ${failure.message}`);
    }
  }
}

function describeFailure(error: unknown, signal: AbortSignal): { code: string; message: string } {
  if (signal.aborted)
    return { code: 'job_cancelled', message: 'the hub shut down before the job finished; start it again (replays resume)' };
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown } | undefined)?.code;
  return {
    code: typeof code === 'string' && /^[a-z_]+$/.test(code) ? code : ErrorCode.internal,
    message: error instanceof Error ? error.message : String(error),
  };
}
