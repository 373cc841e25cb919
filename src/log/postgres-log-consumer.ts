import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { backoffMs, BatchContext, ConsumedMessage, SubscribeOptions, SubscriptionHealth } from './message-log.port';
import { PostgresGroupMember } from './postgres-group';
import type { PostgresLogOptions } from './postgres-message-log';
import { HealthTracker } from './subscription-health';

export { returningRows } from './postgres-group';

/** Thrown by a batch's heartbeat once the group moved to a newer generation or the partition to another member. */
export class PartitionFencedError extends Error {
  override name = 'PartitionFencedError';
}

/**
 * One member of a consumer group on the embedded log: owns every n-th partition of n live members,
 * in one group generation (see PostgresGroupMember). Between batches it rejoins when the generation
 * moved, releasing what it no longer owns; during a batch, `isActive()` and `heartbeat()` ask the
 * database, and the commit is refused once the generation is stale, so the batch is dropped.
 */
export class PostgresConsumer {
  private readonly member: PostgresGroupMember;
  private running = false;
  private loop: Promise<void> | undefined;
  private generation = -1;
  private assigned: number[] = [];
  private owned: number[] = [];
  private readonly failures = new Map<number, { attempts: number; notBefore: number }>();
  private readonly tracker = new HealthTracker();

  constructor(
    private readonly db: DataSource,
    private readonly options: SubscribeOptions,
    private readonly partitions: number,
    settings: PostgresLogOptions,
  ) {
    this.member = new PostgresGroupMember(
      db,
      options.groupId,
      options.topic,
      randomUUID(),
      settings.memberTtlMs ?? 10_000,
      settings.rebalanceTimeoutMs ?? 60_000,
    );
    this.pollMs = settings.pollMs ?? 100;
  }

  private readonly pollMs: number;

  async start(): Promise<void> {
    await this.member.heartbeat();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.tracker.left();
    await this.member.leave();
  }

  health(): SubscriptionHealth {
    return this.tracker.snapshot();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        await this.member.heartbeat();
        await this.rebalance();
        this.tracker.joined();
        for (const partition of this.owned) {
          if (this.running && (this.failures.get(partition)?.notBefore ?? 0) <= Date.now())
            handled += await this.consumePartition(partition);
        }
      } catch (error) {
        this.tracker.failed(error, true);
        this.options.onError?.(error);
      }
      if (handled === 0 && this.running) await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  /** Joins the current generation: lets go of partitions assigned elsewhere, claims its own (once released). */
  private async rebalance(): Promise<void> {
    const { generation, members } = await this.member.join();
    if (generation !== this.generation) {
      const index = members.indexOf(this.member.memberId);
      this.assigned = index < 0 ? [] : Array.from({ length: this.partitions }, (_, p) => p).filter((p) => p % members.length === index);
      await this.member.release(this.assigned);
      this.generation = generation;
      this.setOwned([]);
    }
    if (this.owned.length < this.assigned.length) this.setOwned(await this.member.claim(this.assigned, generation));
  }

  private setOwned(next: number[]): void {
    if (next.join() === this.owned.join()) return;
    this.owned = next;
    this.options.onAssignment?.(next);
  }

  private async consumePartition(partition: number): Promise<number> {
    const { topic } = this.options;
    const generation = this.generation;
    const from = await this.committedOffset(partition);
    const rows: { offset: string; key: string; value: string | null; headers: Record<string, string> }[] = await this.db.query(
      `SELECT "offset"::text AS offset, key, value, headers FROM log_messages WHERE topic = $1 AND partition = $2 AND "offset" >= $3 ORDER BY log_messages."offset" LIMIT $4`,
      [topic, partition, from, this.options.maxBatchSize ?? 500],
    );
    if (rows.length === 0) return 0;
    const messages: ConsumedMessage[] = rows.map((r) => ({
      topic,
      partition,
      offset: r.offset,
      key: r.key,
      value: r.value,
      headers: r.headers,
    }));
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
      // A batch given up because the partition moved is not a failure of the batch: no backoff.
      if (!this.running || !(await this.member.owns(partition, generation))) return 0;
      this.tracker.failed(error, false);
      this.options.onError?.(error);
      const attempts = (this.failures.get(partition)?.attempts ?? 0) + 1;
      this.failures.set(partition, { attempts, notBefore: Date.now() + backoffMs(attempts - 1, this.options.retryBackoffMs ?? 1000) });
      return 0;
    }
    this.failures.delete(partition);
    if (!(await this.member.commit(partition, generation, Number(messages.at(-1)!.offset) + 1))) {
      this.tracker.failed(
        new PartitionFencedError(`partition ${partition} of ${topic}: commit refused, generation ${generation} is stale`),
        false,
      );
      return 0;
    }
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
