import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import { KafkaSubscription } from './kafka-subscription';
import { LogMessage, MessageLog, PartitionLag, SubscribeOptions, Subscription } from './message-log.port';

export interface KafkaLogOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly log?: (level: 'error' | 'warn' | 'info', message: string, extra?: unknown) => void;
  /** Consumer group session timeout. Default 30 s (kafkajs' default). */
  readonly sessionTimeoutMs?: number;
  /**
   * How long a rebalance waits for members to finish their batch and rejoin; must exceed the longest
   * external call a handler makes, or a partition moves while its old owner is still writing. Default 60 s.
   */
  readonly rebalanceTimeoutMs?: number;
}

/**
 * A compacted topic keeps every key's latest value. A retired record's final message is followed by
 * a tombstone, so without a compaction lag a consumer that is behind (the Kingdee sink during an
 * outage) could find the final message already compacted away: messages stay uncompacted for 7 days,
 * and tombstones stay readable for 7 days before the key disappears.
 */
const COMPACTED_TOPIC_CONFIG = [
  { name: 'cleanup.policy', value: 'compact' },
  { name: 'min.compaction.lag.ms', value: String(7 * 24 * 3600 * 1000) },
  { name: 'delete.retention.ms', value: String(7 * 24 * 3600 * 1000) },
];

/** The golden-record log on Apache Kafka: idempotent producer, consumer groups, manual offsets. */
export class KafkaMessageLog implements MessageLog {
  readonly kind = 'kafka';
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private readonly subscriptions = new Set<KafkaSubscription>();

  constructor(private readonly options: KafkaLogOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }) => {
          // The coordinator is briefly "loading" after a broker starts; kafkajs retries it itself.
          if (level <= logLevel.WARN && !/coordinator is (loading|not available)/i.test(String(log.error ?? ''))) {
            options.log?.(level === logLevel.ERROR ? 'error' : 'warn', `kafka: ${log.message}`, { error: log.error });
          }
        },
      retry: { retries: 8, initialRetryTime: 200 },
    });
  }

  async ensureTopic(topic: string, options: { partitions: number; compact?: boolean }): Promise<void> {
    const admin = await this.adminClient();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: options.partitions, configEntries: options.compact ? COMPACTED_TOPIC_CONFIG : [] }],
    });
  }

  async publish(topic: string, messages: readonly LogMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.producerClient();
    await producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const timeouts = {
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? 30_000,
      rebalanceTimeoutMs: this.options.rebalanceTimeoutMs ?? 60_000,
    };
    const subscription = new KafkaSubscription(this.kafka, options, timeouts, this.options.log);
    this.subscriptions.add(subscription);
    await subscription.start();
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
      health: () => subscription.health(),
    };
  }

  async consumerLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    const admin = await this.adminClient();
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    return ends.map((end) => {
      const own = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const from = own === '-1' ? end.low : own;
      return { partition: end.partition, committed: own, end: end.high, lag: Math.max(0, Number(end.high) - Number(from)) };
    });
  }

  async ping(): Promise<void> {
    await (await this.adminClient()).describeCluster();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    await Promise.all([this.producer?.then((p) => p.disconnect()), this.admin?.then((a) => a.disconnect())]);
    this.producer = undefined;
    this.admin = undefined;
  }

  private producerClient(): Promise<Producer> {
    this.producer ??= (async () => {
      // Idempotent + one request in flight: broker-side dedupe of retries and per-partition order.
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      return producer;
    })();
    return this.producer;
  }

  private adminClient(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }
}
