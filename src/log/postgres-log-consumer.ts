import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConsumedMessage, retryDelay, SubscribeOptions } from './message-log.port';
import type { PostgresLogOptions } from './postgres-message-log';

/** TypeORM returns `[rows, count]` for UPDATE … RETURNING on postgres. */
export function returningRows(result: any): any[] {
  return Array.isArray(result[0]) ? result[0] : result;
}

/** One member of a consumer group on the embedded log: owns every n-th partition of n live members. */
export class PostgresConsumer {
  private readonly memberId = randomUUID();
  private running = false;
  private loop: Promise<void> | undefined;
  private assigned: number[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly options: SubscribeOptions,
    private readonly partitions: number,
    private readonly settings: PostgresLogOptions,
  ) {}

  async start(): Promise<void> {
    await this.heartbeat();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.db.query(`DELETE FROM log_group_members WHERE group_id = $1 AND topic = $2 AND member_id = $3`, [
      this.options.groupId,
      this.options.topic,
      this.memberId,
    ]);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        await this.heartbeat();
        await this.rebalance();
        for (const partition of this.assigned) {
          if (this.running) handled += await this.consumePartition(partition);
        }
      } catch (error) {
        this.options.onError?.(error);
      }
      if (handled === 0 && this.running) await new Promise((r) => setTimeout(r, this.settings.pollMs ?? 100));
    }
  }

  private async heartbeat(): Promise<void> {
    await this.db.query(
      `INSERT INTO log_group_members (group_id, topic, member_id) VALUES ($1, $2, $3)
       ON CONFLICT (group_id, topic, member_id) DO UPDATE SET heartbeat_at = now()`,
      [this.options.groupId, this.options.topic, this.memberId],
    );
  }

  private async rebalance(): Promise<void> {
    const rows: { member_id: string }[] = await this.db.query(
      `SELECT member_id FROM log_group_members WHERE group_id = $1 AND topic = $2 AND heartbeat_at > now() - make_interval(secs => $3) ORDER BY member_id`,
      [this.options.groupId, this.options.topic, (this.settings.memberTtlMs ?? 10_000) / 1000],
    );
    const members = rows.map((r) => r.member_id);
    const index = members.indexOf(this.memberId);
    const next = index < 0 ? [] : Array.from({ length: this.partitions }, (_, p) => p).filter((p) => p % members.length === index);
    if (next.join() !== this.assigned.join()) {
      this.assigned = next;
      this.options.onAssignment?.(next);
    }
  }

  private async consumePartition(partition: number): Promise<number> {
    const { groupId, topic } = this.options;
    const from = await this.committedOffset(partition);
    const rows: { offset: string; key: string; value: string; headers: Record<string, string> }[] = await this.db.query(
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
    const context = {
      topic,
      partition,
      heartbeat: () => this.heartbeat(),
      isActive: () => this.running && this.assigned.includes(partition),
    };
    for (let attempt = 0; ; attempt++) {
      if (!context.isActive()) return 0;
      try {
        await this.options.handleBatch(messages, context);
        break;
      } catch (error) {
        this.options.onError?.(error);
        await retryDelay(attempt, this.options.retryBackoffMs ?? 1000);
      }
    }
    await this.db.query(
      `INSERT INTO log_consumer_offsets (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = GREATEST(log_consumer_offsets.next_offset, EXCLUDED.next_offset), updated_at = now()`,
      [groupId, topic, partition, Number(messages.at(-1)!.offset) + 1],
    );
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
