import { DataSource } from 'typeorm';
import { EventStore } from './event-store';
import { LeaderLock } from './leader-lock';
import { PerStreamRebuild } from './per-stream-rebuild';
import { Checkpoint, SqlExecutor, START, StoredEvent } from './stored-event';

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
   * Applies a batch inside the transaction that also moves the checkpoint. Must be idempotent by
   * stream version: after a crash the batch since the last checkpoint is applied again.
   */
  apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void>;
}

export interface ProcessorOptions {
  readonly batchSize?: number;
  /** How long to sleep when caught up, unless an append wakes it first. */
  readonly idleMs?: number;
  readonly onError?: (error: unknown) => void;
}

export async function loadCheckpoint(db: SqlExecutor, name: string): Promise<Checkpoint> {
  const [row] = await db.query(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position FROM processor_checkpoints WHERE name = $1`,
    [name],
  );
  return row ? { transactionId: row.transaction_id, globalPosition: row.global_position } : START;
}

/** Loads the checkpoint and holds its row until the transaction ends, so two runners never race. */
async function lockCheckpoint(tx: SqlExecutor, name: string): Promise<Checkpoint> {
  await tx.query(
    `INSERT INTO processor_checkpoints (name, transaction_id, global_position) VALUES ($1, '0'::xid8, 0) ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  await tx.query(`SELECT 1 FROM processor_checkpoints WHERE name = $1 FOR UPDATE`, [name]);
  return loadCheckpoint(tx, name);
}

export async function saveCheckpoint(db: SqlExecutor, name: string, checkpoint: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO processor_checkpoints (name, transaction_id, global_position, updated_at)
     VALUES ($1, $2::text::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
       global_position = EXCLUDED.global_position, updated_at = now()`,
    [name, checkpoint.transactionId, checkpoint.globalPosition],
  );
}

/**
 * Runs one projection: reads committed events after its checkpoint, applies them and saves the
 * new checkpoint in one transaction, so a crash resumes exactly after the last committed batch.
 */
export class CheckpointedProcessor {
  private running = false;
  private serial: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
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

  /** Processes one batch; returns how many events it applied (0 = caught up). */
  runOnce(): Promise<number> {
    // The background loop and an on-demand catchUp() must not apply the same batch side by side.
    const run = this.serial.then(() => this.applyNextBatch());
    this.serial = run.catch(() => undefined);
    return run;
  }

  private applyNextBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const checkpoint = await lockCheckpoint(tx, this.name);
      const events = await this.store.readAllAfter(checkpoint, this.options.batchSize ?? 500, tx);
      const last = events.at(-1);
      if (!last) return 0;
      await this.projection.apply(events, tx);
      await saveCheckpoint(tx, this.name, { transactionId: last.transactionId, globalPosition: last.globalPosition });
      return events.length;
    });
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
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.store.notifications.off('appended', this.onAppended);
    this.wake?.();
    await this.loop;
    await this.lock.release();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let applied = 0;
      try {
        if (await this.lock.tryAcquire()) applied = await this.runOnce();
      } catch (error) {
        this.options.onError?.(error);
        await this.sleep(1000);
        continue;
      }
      if (applied === 0) await this.sleep(this.options.idleMs ?? 250);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
