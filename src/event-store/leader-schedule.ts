import { LeaderLock } from './leader-lock';

export interface LeaderScheduleOptions {
  /** Delay before the first run (0: right after start). */
  readonly firstDelayMs: number;
  /** Delay between the end of one run and the start of the next. */
  readonly everyMs: number;
  /** The periodic work; runs only on the instance holding the lock. */
  readonly work: () => Promise<void>;
  /** A run that threw (the lock included); the schedule goes on. */
  readonly onError: (error: unknown) => void;
}

/**
 * Periodic work that one hub instance at a time does: each tick tries the leader lock and runs the
 * work if it holds it; the others try again at the next tick and take over if the leader dies.
 * Runs never overlap, and `stop()` waits for the one in flight before releasing the lock.
 */
export class LeaderSchedule {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly lock: LeaderLock,
    private readonly options: LeaderScheduleOptions,
  ) {}

  start(): void {
    this.next(this.options.firstDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
    await this.lock.release();
  }

  private next(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.tick().finally(() => this.next(this.options.everyMs));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (await this.lock.tryAcquire()) await this.options.work();
    } catch (error) {
      this.options.onError(error);
    }
  }
}
