import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { backoffMs, BatchContext, SubscribeOptions, SubscriptionHealth } from './message-log.port';
import { PostgresGroupMember } from './postgres-group';
import { fetchBatches, type PartitionBatch } from './postgres-log-fetch';
import { HealthTracker } from './subscription-health';

export interface PostgresLogOptions {
  /** Poll interval of consumers right after a publish in this process (until it commits). Default 100 ms. */
  readonly pollMs?: number;
  /** Poll interval of idle consumers; a publish in this process wakes them at once. Default 1 s. */
  readonly idlePollMs?: number;
  /** A member whose heartbeat is older than this has left its group (the session timeout). Default 10 s. */
  readonly memberTtlMs?: number;
  /**
   * After a rebalance, how long a new owner waits for a live old owner to finish its batch and let the
   * partition go before taking it anyway; must exceed the longest external call of a handler. Default 60 s.
   */
  readonly rebalanceTimeoutMs?: number;
}

export { returningRows } from './postgres-group';

/** Thrown by a batch's heartbeat once the group moved to a newer generation or the partition to another member. */
export class PartitionFencedError extends Error {
  override name = 'PartitionFencedError';
}

/**
 * One member of a consumer group on the embedded log: owns every n-th partition of n live members,
 * in one group generation (see PostgresGroupMember). Every `membershipMs` it heartbeats and rejoins
 * when the generation moved, releasing what it no longer owns; in between, one query reads the next
 * batch of every owned partition, and the batches are handled concurrently (`partitionsConcurrently`).
 * During a batch, `isActive()` and `heartbeat()` ask the database, and the commit is refused once
 * the generation is stale, so the batch is dropped. Idle, it sleeps `idlePollMs`, woken at once by a
 * publish in this process (and polling every `pollMs` for a while after, until that publish commits).
 */
export class PostgresConsumer {
  private readonly member: PostgresGroupMember;
  private running = false;
  private loop: Promise<void> | undefined;
  private generation = -1;
  private assigned: number[] = [];
  private owned: number[] = [];
  /** Next offset per owned partition, known from our own reads and commits in this generation. */
  private readonly offsets = new Map<number, string>();
  private readonly failures = new Map<number, { attempts: number; notBefore: number }>();
  private readonly tracker = new HealthTracker();
  private readonly pollMs: number;
  private readonly idlePollMs: number;
  private readonly membershipMs: number;
  private lastMembership = 0;
  private hotUntil = 0;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly options: SubscribeOptions,
    private readonly partitions: number,
    settings: PostgresLogOptions,
  ) {
    const memberTtlMs = settings.memberTtlMs ?? 10_000;
    this.member = new PostgresGroupMember(
      db,
      options.groupId,
      options.topic,
      randomUUID(),
      memberTtlMs,
      settings.rebalanceTimeoutMs ?? 60_000,
    );
    this.pollMs = settings.pollMs ?? 100;
    this.idlePollMs = Math.max(this.pollMs, settings.idlePollMs ?? 1_000);
    // Several heartbeats per member TTL, so a busy or idle member is never taken for dead.
    this.membershipMs = Math.max(this.pollMs, Math.min(1_000, Math.floor(memberTtlMs / 4)));
  }

  get topic(): string {
    return this.options.topic;
  }

  async start(): Promise<void> {
    await this.member.heartbeat();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.tracker.left();
    await this.member.leave();
  }

  /** Something was published to this topic: poll now, and keep polling briefly until it has committed. */
  wake(): void {
    this.hotUntil = Date.now() + Math.max(2_000, 4 * this.idlePollMs);
    this.wakeUp?.();
  }

  health(): SubscriptionHealth {
    return this.tracker.snapshot();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        if (Date.now() - this.lastMembership >= this.membershipMs) {
          await this.member.heartbeat();
          await this.rebalance();
          this.lastMembership = Date.now();
        }
        this.tracker.joined();
        handled = await this.consumeOwned();
      } catch (error) {
        this.tracker.failed(error, true);
        this.options.onError?.(error);
        this.lastMembership = 0;
      }
      if (handled === 0 && this.running) await this.sleep(Date.now() < this.hotUntil ? this.pollMs : this.idlePollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.min(ms, Math.max(this.pollMs, this.lastMembership + this.membershipMs - Date.now())));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }

  /** Joins the current generation: lets go of partitions assigned elsewhere, claims its own (once released). */
  private async rebalance(): Promise<void> {
    const { generation, members } = await this.member.join();
    if (generation !== this.generation) {
      const index = members.indexOf(this.member.memberId);
      this.assigned = index < 0 ? [] : Array.from({ length: this.partitions }, (_, p) => p).filter((p) => p % members.length === index);
      await this.member.release(this.assigned);
      this.generation = generation;
      this.offsets.clear(); // another member may have committed while the partition was its own
      this.setOwned([]);
    }
    if (this.owned.length < this.assigned.length) this.setOwned(await this.member.claim(this.assigned, generation));
  }

  private setOwned(next: number[]): void {
    if (next.join() === this.owned.join()) return;
    this.owned = next;
    this.options.onAssignment?.(next);
  }

  /** One read for every owned partition not waiting out a backoff; the batches are handled side by side. */
  private async consumeOwned(): Promise<number> {
    const ready = this.owned.filter((p) => (this.failures.get(p)?.notBefore ?? 0) <= Date.now());
    if (ready.length === 0) return 0;
    for (const p of ready) if (!this.offsets.has(p)) this.offsets.set(p, await this.committedOffset(p));
    const batches = await fetchBatches(
      this.db,
      this.options.topic,
      ready.map((p) => ({ partition: p, from: this.offsets.get(p)! })),
      this.options.maxBatchSize ?? 500,
    );
    const limit = Math.max(1, this.options.partitionsConcurrently ?? 1);
    let handled = 0;
    for (let i = 0; i < batches.length && this.running; i += limit) {
      const counts = await Promise.all(batches.slice(i, i + limit).map((b) => this.consumeBatch(b, this.generation)));
      handled += counts.reduce((a, b) => a + b, 0);
    }
    return handled;
  }

  private async consumeBatch({ partition, messages }: PartitionBatch, generation: number): Promise<number> {
    const { topic } = this.options;
    const context: BatchContext = {
      topic,
      partition,
      heartbeat: async () => {
        await this.member.heartbeat();
        if (!(await this.member.owns(partition, generation)))
          throw new PartitionFencedError(`partition ${partition} of ${topic}: the group rebalanced (generation ${generation} is stale)`);
      },
      isActive: async () => this.running && (await this.member.owns(partition, generation)),
    };
    try {
      await this.options.handleBatch(messages, context);
    } catch (error) {
      // A batch given up because the partition moved is not a failure of the batch: no backoff, but rejoin before reading again.
      if (!this.running || !(await this.member.owns(partition, generation))) {
        this.lastMembership = 0;
        return 0;
      }
      this.tracker.failed(error, false);
      this.options.onError?.(error);
      const attempts = (this.failures.get(partition)?.attempts ?? 0) + 1;
      this.failures.set(partition, { attempts, notBefore: Date.now() + backoffMs(attempts - 1, this.options.retryBackoffMs ?? 1000) });
      return 0;
    }
    this.failures.delete(partition);
    const next = Number(messages.at(-1)!.offset) + 1;
    if (!(await this.member.commit(partition, generation, next))) {
      this.offsets.delete(partition);
      this.lastMembership = 0; // rejoin before reading again
      this.tracker.failed(
        new PartitionFencedError(`partition ${partition} of ${topic}: commit refused, generation ${generation} is stale`),
        false,
      );
      return 0;
    }
    if (generation === this.generation) this.offsets.set(partition, String(next));
    return messages.length;
  }

  /** A group without a committed offset starts at the beginning, or at the current end. */
  private async committedOffset(partition: number): Promise<string> {
    const { groupId, topic } = this.options;
    const [row] = await this.db.query(
      `SELECT next_offset::text AS o FROM log_consumer_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3`,
      [groupId, topic, partition],
    );
    if (row) return row.o;
    if (this.options.fromBeginning ?? true) return '0';
    const [end] = await this.db.query(`SELECT next_offset::text AS o FROM log_partitions WHERE topic = $1 AND partition = $2`, [
      topic,
      partition,
    ]);
    await this.db.query(
      `INSERT INTO log_consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [groupId, topic, partition, end.o],
    );
    return end.o;
  }
}
