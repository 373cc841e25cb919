import { DataSource } from 'typeorm';
import { EventStore } from './event-store';
import { LeaderLock } from './leader-lock';
import { PerStreamRebuild } from './per-stream-rebuild';
import { backoffMs } from './processor-backoff';
import { applyBatch, BatchFailure } from './processor-batch';
import { clearStall, ProcessorStall, recordStall, stallUpdateOf, unrecordedStall } from './processor-stalls';
import { SqlExecutor, StoredEvent } from './stored-event';

export { BatchFailure, loadCheckpoint, saveCheckpoint } from './processor-batch';

/**
 * Writes a projection's `apply` hands back to commit together with its checkpoint: for a projection
 * applied outside a transaction, its own state must move exactly when the checkpoint does.
 */
export type WithCheckpoint = (db: SqlExecutor) => Promise<void>;

/** A read model or side effect fed from the event store in commit order. */
export interface Projection {
  readonly name: string;
  /**
   * Every table this projection writes (unqualified, in `public`), for rebuilds without downtime:
   * replay builds copies of them in a shadow schema from position 0 and swaps them in when caught
   * up. The projection must use unqualified table names (replay points `search_path` at the shadow).
   * Without it the projection cannot be replayed (publishers never are).
   */
  readonly tables?: readonly string[];
  /** Lets a rebuild from position 0 read each stream once, whole (see PerStreamRebuild). */
  readonly rebuild?: PerStreamRebuild;
  /**
   * True when `apply` waits on a system outside PostgreSQL (a Kafka broker): it then runs with no
   * transaction open (`tx` is a session in autocommit) and the checkpoint is saved after it returns,
   * so a crash in between applies the batch again. Default: apply and checkpoint commit together.
   */
  readonly outsideTransaction?: boolean;
  /**
   * Applies a batch inside the transaction that also moves the checkpoint. Must be idempotent by
   * stream version: after a crash the batch since the last checkpoint is applied again. May return
   * writes to commit with the checkpoint (WithCheckpoint).
   */
  apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<WithCheckpoint | void>;
}

export interface ProcessorOptions {
  readonly batchSize?: number;
  /** How long to sleep when caught up, unless an append wakes it first. */
  readonly idleMs?: number;
  /** First retry delay after a failure, doubling per failure up to `retryMaxMs` (defaults 1 s and 60 s). */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Told once per failed attempt (so once per backoff step), with the recorded stall. */
  readonly onStall?: (stall: ProcessorStall, error: unknown) => void;
  /** Told when a stalled processor got going again. */
  readonly onRecovered?: (name: string) => void;
}

/**
 * Runs one projection: reads committed events after its checkpoint, applies them and saves the
 * new checkpoint, so a crash resumes exactly after the last committed batch. A batch that fails is
 * applied again event by event, so the processor advances up to the one event it cannot apply and
 * the stall names it; it then retries with exponential backoff and keeps its leader lock (another
 * instance would fail on the same event), visible in `processor_stalls` until an admin skips it.
 */
export class CheckpointedProcessor {
  private running = false;
  private serial: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private retry: (() => void) | undefined;
  private readonly onAppended = () => this.wake?.();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    readonly projection: Projection,
    private readonly lock: LeaderLock,
    private readonly options: ProcessorOptions = {},
  ) {}

  get name(): string {
    return this.projection.name;
  }

  /** Processes one batch; returns how many events it passed (0 = caught up). Throws BatchFailure naming the failing event. */
  runOnce(): Promise<number> {
    // The background loop and an on-demand catchUp() must not apply the same batch side by side.
    const run = this.serial.then(() => this.applyNextBatch());
    this.serial = run.catch(() => undefined);
    return run;
  }

  private async applyNextBatch(): Promise<number> {
    try {
      return await applyBatch(this.dataSource, this.store, this.projection, this.options.batchSize ?? 500);
    } catch (error) {
      if (!(error instanceof BatchFailure) || error.narrowed) throw error;
      return this.eventByEvent();
    }
  }

  /** After a failed batch: one event per transaction, so the events before the bad one commit and the failure names it. */
  private async eventByEvent(): Promise<number> {
    const limit = this.options.batchSize ?? 500;
    let applied = 0;
    for (let n = 1; n > 0 && applied < limit; applied += n) n = await applyBatch(this.dataSource, this.store, this.projection, 1);
    return applied;
  }

  /** Applies everything committed before the call (tests, replay, CLI). */
  async catchUp(): Promise<number> {
    if (!(await this.store.waitUntilReadable())) {
      throw new Error(
        `${this.name}: committed events stay unreadable for 30 s; a long-running transaction on the PostgreSQL server holds the reader back`,
      );
    }
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.store.notifications.on('appended', this.onAppended);
    this.store.notifications.on('retry', this.onRetryRequested);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.store.notifications.off('appended', this.onAppended);
    this.store.notifications.off('retry', this.onRetryRequested);
    this.wake?.();
    this.retry?.();
    await this.loop;
    await this.lock.release();
  }

  /** Ends a backoff early (an admin just skipped the failing event). */
  retryNow(): void {
    this.retry?.();
  }

  /** `store.notifications.emit('retry', name)` ends this processor's backoff, wherever in the process it runs. */
  private readonly onRetryRequested = (name: string) => {
    if (name === this.name) this.retryNow();
  };

  private async run(): Promise<void> {
    let failures = 0;
    // A stall row may be left from an earlier process: the first successful batch clears it.
    let stallRecorded = true;
    while (this.running) {
      let applied = 0;
      try {
        if (!(await this.lock.tryAcquire())) {
          await this.sleep(this.options.idleMs ?? 250, 'wake');
          continue;
        }
        applied = await this.runOnce();
        if (stallRecorded) {
          await clearStall(this.dataSource, this.name);
          if (failures > 0) this.options.onRecovered?.(this.name);
          stallRecorded = false;
        }
        failures = 0;
      } catch (error) {
        failures++;
        const delay = backoffMs(failures, this.options.retryBaseMs ?? 1000, this.options.retryMaxMs ?? 60_000);
        stallRecorded = (await this.recordStall(error, failures, delay)) || stallRecorded;
        await this.sleep(delay, 'retry');
        continue;
      }
      if (applied === 0) await this.sleep(this.options.idleMs ?? 250, 'wake');
    }
  }

  /** Returns whether the stall is in `processor_stalls` (false when the database itself is unreachable). */
  private async recordStall(error: unknown, attempts: number, retryInMs: number): Promise<boolean> {
    const update = stallUpdateOf(error, attempts, retryInMs);
    const stall = await recordStall(this.dataSource, this.name, update).catch(() => undefined);
    this.options.onStall?.(stall ?? unrecordedStall(this.name, update, new Date()), error);
    return stall !== undefined;
  }

  /** `wake` sleeps end on an append; `retry` (backoff) sleeps only on retryNow() or stop. */
  private sleep(ms: number, kind: 'wake' | 'retry'): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        if (this.retry === done) this.retry = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (kind === 'wake') this.wake = done;
      else this.retry = done;
    });
  }
}
