import { DataSource } from 'typeorm';
import { SqlExecutor } from '../event-store/stored-event';
import { LogMessage, MessageLog, PartitionLag, partitionForKey, SubscribeOptions, Subscription } from './message-log.port';
import { PostgresConsumer, PostgresLogOptions, returningRows } from './postgres-log-consumer';

/**
 * The golden-record log in PostgreSQL, for the embedded defaults (no KAFKA_BROKERS): same contract
 * as Kafka — keyed partitions, dense per-partition offsets, committed group offsets, and a group's
 * partitions split round-robin over its live members, fenced by group generation.
 */
/** The consumers reading each database, so a publish through any log object on it wakes them. */
const consumersOf = new WeakMap<DataSource, Set<PostgresConsumer>>();

export class PostgresMessageLog implements MessageLog {
  readonly kind = 'embedded';
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PostgresLogOptions = {},
  ) {}

  async ensureTopic(topic: string, options: { partitions: number; compact?: boolean }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO log_topics (topic, partitions, compact) VALUES ($1, $2, $3) ON CONFLICT (topic) DO NOTHING`, [
        topic,
        options.partitions,
        options.compact ?? false,
      ]);
      await tx.query(
        `INSERT INTO log_partitions (topic, partition) SELECT $1, p FROM generate_series(0, (SELECT partitions FROM log_topics WHERE topic = $1) - 1) p ON CONFLICT DO NOTHING`,
        [topic],
      );
    });
  }

  async publish(topic: string, messages: readonly LogMessage[], tx?: SqlExecutor): Promise<void> {
    if (messages.length === 0) return;
    // PGlite has one connection: a caller's open transaction must be used, never a second one.
    if (tx) await this.append(topic, messages, tx);
    else await this.dataSource.transaction((own) => this.append(topic, messages, own));
    // Woken before a caller's transaction commits: the consumers poll briskly for a while (see PostgresConsumer.wake).
    for (const consumer of consumersOf.get(this.dataSource) ?? []) if (consumer.topic === topic) consumer.wake();
  }

  private async append(topic: string, messages: readonly LogMessage[], tx: SqlExecutor): Promise<void> {
    const partitions = await this.partitionCount(topic, tx);
    const byPartition = new Map<number, LogMessage[]>();
    for (const m of messages) {
      const p = partitionForKey(m.key, partitions);
      const group = byPartition.get(p);
      if (group) group.push(m);
      else byPartition.set(p, [m]);
    }
    for (const [partition, batch] of [...byPartition].sort(([a], [b]) => a - b)) {
      const result = await tx.query(
        `UPDATE log_partitions SET next_offset = next_offset + $3 WHERE topic = $1 AND partition = $2 RETURNING next_offset`,
        [topic, partition, batch.length],
      );
      const first = Number(returningRows(result)[0].next_offset) - batch.length;
      await tx.query(
        `INSERT INTO log_messages (topic, partition, "offset", key, value, headers)
           SELECT $1, $2, $3::bigint + ord - 1, k, v, h FROM unnest($4::text[], $5::text[], $6::jsonb[]) WITH ORDINALITY AS m(k, v, h, ord)`,
        [topic, partition, first, batch.map((m) => m.key), batch.map((m) => m.value), batch.map((m) => JSON.stringify(m.headers ?? {}))],
      );
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const consumer = new PostgresConsumer(
      this.dataSource,
      options,
      await this.partitionCount(options.topic, this.dataSource),
      this.options,
    );
    await consumer.start();
    const registered = consumersOf.get(this.dataSource) ?? new Set();
    consumersOf.set(this.dataSource, registered.add(consumer));
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        registered.delete(consumer);
        await consumer.stop();
      },
      health: () => consumer.health(),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async consumerLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    const rows: { partition: number; end: string; committed: string | null }[] = await this.dataSource.query(
      `SELECT p.partition, p.next_offset::text AS end, o.next_offset::text AS committed
         FROM log_partitions p LEFT JOIN log_consumer_offsets o ON o.topic = p.topic AND o.partition = p.partition AND o.group_id = $1
        WHERE p.topic = $2 ORDER BY p.partition`,
      [groupId, topic],
    );
    return rows.map((r) => ({
      partition: r.partition,
      committed: r.committed ?? '-1',
      end: r.end,
      lag: Number(r.end) - Number(r.committed ?? 0),
    }));
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private async partitionCount(topic: string, db: SqlExecutor): Promise<number> {
    const [row] = await db.query(`SELECT partitions FROM log_topics WHERE topic = $1`, [topic]);
    if (!row) throw new Error(`log topic ${topic} does not exist (ensureTopic first)`);
    return row.partitions;
  }
}
