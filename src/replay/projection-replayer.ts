import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { LeaderLocks, alwaysLeader } from '../event-store/leader-lock';
import { CheckpointedProcessor, Projection, loadCheckpoint, saveCheckpoint } from '../event-store/processor';
import { Checkpoint, SqlExecutor } from '../event-store/stored-event';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { runPerStreamPhase, stopIfAborted } from './per-stream-phase';
import { prepareShadow, replayableTables } from './replay-start';
import { ShadowProjection } from './shadow-projection';
import { createDeferredIndexes, shadowSchemaName, swapIntoPublic } from './shadow-schema';

export interface ReplayOptions {
  /** Global position to rebuild from (see prepareShadow); undefined = resume or start at 0. */
  readonly from?: string;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  /** After every shadow batch: the shadow's position and the store's head position. */
  readonly onProgress?: (position: number, head: number) => void;
}

export interface ReplayResult {
  readonly projection: string;
  readonly resumed: boolean;
  readonly from: string;
  readonly position: string;
  readonly events: number;
  /** Of those, how many the per-stream start read (0 when the projection has none or it was not from 0). */
  readonly perStreamEvents: number;
  readonly seconds: number;
}

const LOCK_TIMEOUT = '55P03';

/**
 * Rebuilds a read model without downtime: the projection's own code fills shadow copies of its
 * tables from the event store while the live tables keep serving and the live processor keeps
 * them current; once the shadow has caught up, one transaction holds the live checkpoint, applies
 * the last events, swaps the tables and hands the shadow's position to the live processor.
 * Publishers are refused and their checkpoints never touched, so a replay never re-publishes.
 */
export class ProjectionReplayer {
  private readonly running = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly locks: LeaderLocks = alwaysLeader,
  ) {}

  async replay(projection: Projection, options: ReplayOptions = {}): Promise<ReplayResult> {
    const tables = replayableTables(projection);
    const lock = this.locks.forName(`replay:${projection.name}`);
    if (this.running.has(projection.name) || !(await lock.tryAcquire())) {
      throw new DomainError(ErrorCode.conflict, `a replay of ${projection.name} is already running`);
    }
    this.running.add(projection.name);
    try {
      return await this.rebuild(projection, tables, options);
    } finally {
      this.running.delete(projection.name);
      await lock.release();
    }
  }

  private async rebuild(projection: Projection, tables: readonly string[], options: ReplayOptions): Promise<ReplayResult> {
    const started = Date.now();
    const shadow = new ShadowProjection(projection, shadowSchemaName(projection.name));
    const prepared = await prepareShadow(this.dataSource, shadow, options.from);
    const batchSize = options.batchSize ?? 2000;
    // Start from everything committed so far, even if a transaction elsewhere briefly holds readers back.
    await this.store.waitUntilReadable();
    const onChunk = async (n: number) => options.onProgress?.(n, await this.head());
    // Projections that fold whole streams begin by reading each stream once (PerStreamRebuild).
    const perStreamEvents = await runPerStreamPhase(this.dataSource, this.store, shadow, {
      chunkEvents: batchSize,
      signal: options.signal,
      onChunk,
    });
    const events = perStreamEvents + (await this.catchUpShadow(shadow, batchSize, options));
    await this.dataSource.transaction((tx) => createDeferredIndexes(tx, shadow.schema, tables));
    const { checkpoint, tail } = await this.switchOver(shadow, tables, batchSize);
    for (const table of tables) await this.dataSource.query(`ANALYZE public.${table}`);
    return {
      projection: projection.name,
      resumed: prepared.resumed,
      from: prepared.startedAt.globalPosition,
      position: checkpoint.globalPosition,
      events: events + tail,
      perStreamEvents,
      seconds: (Date.now() - started) / 1000,
    };
  }

  /** Commit-order batches until nearly caught up; the switch applies the rest while it holds the live processor back. */
  private async catchUpShadow(shadow: ShadowProjection, batchSize: number, options: ReplayOptions): Promise<number> {
    const processor = new CheckpointedProcessor(this.dataSource, this.store, shadow, alwaysLeader.forName(shadow.name), { batchSize });
    let events = 0;
    for (let n = batchSize; n >= batchSize; events += n) {
      stopIfAborted(options.signal, shadow.target.name);
      n = await processor.runOnce();
      if (options.onProgress)
        options.onProgress(Number((await loadCheckpoint(this.dataSource, shadow.name)).globalPosition), await this.head());
    }
    return events;
  }

  /** The swap, retried when the tables are busy: a short lock_timeout keeps API readers from queueing behind it. */
  private async switchOver(
    shadow: ShadowProjection,
    tables: readonly string[],
    batchSize: number,
  ): Promise<{ checkpoint: Checkpoint; tail: number }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((tx) => this.switchIn(tx, shadow, tables, batchSize));
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_TIMEOUT || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  private async switchIn(
    tx: SqlExecutor,
    shadow: ShadowProjection,
    tables: readonly string[],
    batchSize: number,
  ): Promise<{ checkpoint: Checkpoint; tail: number }> {
    const live = shadow.target.name;
    await tx.query(`SET LOCAL lock_timeout = '3s'`);
    await tx.query(
      `INSERT INTO processor_checkpoints (name, transaction_id, global_position) VALUES ($1, '0'::xid8, 0) ON CONFLICT (name) DO NOTHING`,
      [live],
    );
    // Holding the live checkpoint row parks the live processor until the swap commits.
    await tx.query(`SELECT 1 FROM processor_checkpoints WHERE name = $1 FOR UPDATE`, [live]);
    let checkpoint = await loadCheckpoint(tx, shadow.name);
    let tail = 0;
    for (
      let events = await this.store.readAllAfter(checkpoint, batchSize, tx);
      events.length > 0;
      events = await this.store.readAllAfter(checkpoint, batchSize, tx)
    ) {
      await shadow.apply(events, tx);
      checkpoint = events.at(-1)!;
      tail += events.length;
    }
    checkpoint = { transactionId: checkpoint.transactionId, globalPosition: checkpoint.globalPosition };
    await saveCheckpoint(tx, live, checkpoint);
    await tx.query(`DELETE FROM processor_checkpoints WHERE name = $1`, [shadow.name]);
    await swapIntoPublic(tx, shadow.schema, tables);
    return { checkpoint, tail };
  }

  private async head(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT coalesce(max(global_position), 0)::text AS head FROM events`);
    return Number(row.head);
  }
}
