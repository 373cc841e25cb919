import { Admin, Consumer, EachBatchPayload, Kafka, logLevel, Producer } from 'kafkajs';
import { ConsumedMessage, LogMessage, MessageLog, PartitionLag, retryDelay, SubscribeOptions, Subscription } from './message-log.port';

export interface KafkaLogOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Consumer group timeouts (kafkajs defaults: 30 s session, 60 s rebalance). */
  readonly sessionTimeoutMs?: number;
  readonly rebalanceTimeoutMs?: number;
  readonly log?: (level: 'error' | 'warn' | 'info', message: string, extra?: unknown) => void;
}

/** The golden-record log on Apache Kafka: idempotent producer, consumer groups, manual offsets. */
export class KafkaMessageLog implements MessageLog {
  readonly kind = 'kafka';
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private readonly consumers = new Set<Consumer>();

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
      topics: [
        { topic, numPartitions: options.partitions, configEntries: options.compact ? [{ name: 'cleanup.policy', value: 'compact' }] : [] },
      ],
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
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      rebalanceTimeout: this.options.rebalanceTimeoutMs ?? 60_000,
      // kafkajs wants the heartbeat well inside the session timeout.
      heartbeatInterval: Math.min(3_000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 3)),
      allowAutoTopicCreation: false,
    });
    this.consumers.add(consumer);
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      options.onAssignment?.(event.payload.memberAssignment[options.topic] ?? []);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning ?? true });
    await consumer.run({ eachBatchAutoResolve: false, autoCommit: true, eachBatch: (payload) => handleKafkaBatch(payload, options) });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
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
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
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

/** Slices the fetched batch, handles each slice with retries, and commits only finished slices. */
async function handleKafkaBatch(payload: EachBatchPayload, options: SubscribeOptions): Promise<void> {
  const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
  const active = () => isRunning() && !isStale();
  const size = options.maxBatchSize ?? 500;
  for (let start = 0; start < batch.messages.length && active(); start += size) {
    const slice: ConsumedMessage[] = batch.messages.slice(start, start + size).map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      key: m.key?.toString() ?? '',
      value: m.value?.toString() ?? '',
      headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))])),
    }));
    for (let attempt = 0; ; attempt++) {
      if (!active()) return;
      try {
        await options.handleBatch(slice, { topic: batch.topic, partition: batch.partition, heartbeat, isActive: active });
        resolveOffset(slice.at(-1)!.offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
        break;
      } catch (error) {
        options.onError?.(error);
        await retryDelay(attempt, options.retryBackoffMs ?? 1000);
        await heartbeat().catch(() => undefined);
      }
    }
  }
}
