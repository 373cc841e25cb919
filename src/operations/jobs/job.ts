/** A long operator action (replay, resync, WDT sync) as `GET /api/v1/jobs/{id}` shows it. */
export type JobStatus = 'running' | 'succeeded' | 'failed';

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly params: Readonly<Record<string, unknown>>;
  /** `total` is null until the job knows how much work there is. */
  readonly progress: { readonly done: number; readonly total: number | null };
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly actor: string;
  readonly correlationId: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** What a job's work gets: where to report progress, and its ids for logs and event metadata. */
export interface JobContext {
  readonly id: string;
  readonly correlationId: string;
  progress(done: number, total?: number | null): void;
}

export interface JobRequest {
  readonly kind: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly actor: string;
  readonly correlationId?: string;
}

export const isFinished = (job: JobView): boolean => job.status !== 'running';
