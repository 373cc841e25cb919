import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { backoffMs, ConsumedMessage, SubscribeOptions, Subscription, SubscriptionHealth } from './message-log.port';
import { PartitionBackoff } from './partition-backoff';
import { describe, HealthTracker } from './subscription-health';

export interface KafkaGroupTimeouts {
  /** A member whose heartbeats stop for this long is dropped from the group. */
  readonly sessionTimeoutMs: number;
  /** How long a rebalance waits for every member to finish its batch and rejoin. */
  readonly rebalanceTimeoutMs: number;
}

type Log = (level: 'error' | 'warn' | 'info', message: string, extra?: unknown) => void;

/**
 * One member of a Kafka consumer group that keeps consuming through rebalances, broker trouble and
 * crashes. kafkajs rejoins the group when `eachBatch` throws a rebalance or membership error, and
 * restarts a crashed consumer when the cause is retriable; for any other crash this class builds a
 * new consumer after a backoff, so the member never dies silently. `health()` says where it stands.
 */
export class KafkaSubscription implements Subscription {
  private consumer: Consumer | undefined;
  private stopped = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private backoff: PartitionBackoff;
  private readonly tracker = new HealthTracker();

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscribeOptions,
    private readonly timeouts: KafkaGroupTimeouts,
    private readonly log: Log = () => undefined,
  ) {
    this.backoff = new PartitionBackoff(options.retryBackoffMs ?? 1000);
  }

  async start(): Promise<void> {
    const { sessionTimeoutMs, rebalanceTimeoutMs } = this.timeouts;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: sessionTimeoutMs,
      rebalanceTimeout: rebalanceTimeoutMs,
      heartbeatInterval: Math.max(100, Math.min(3_000, Math.floor(sessionTimeoutMs / 3))),
      allowAutoTopicCreation: false,
      // A partition paused for a backoff is fetched again at most this long after it resumes.
      maxWaitTimeInMs: 1_000,
    });
    this.consumer = consumer;
    this.backoff.clear();
    this.backoff = new PartitionBackoff(this.options.retryBackoffMs ?? 1000);
    const backoff = this.backoff;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.restarts = 0;
      this.tracker.joined();
      this.options.onAssignment?.(event.payload.memberAssignment[this.options.topic] ?? []);
    });
    consumer.on(consumer.events.CRASH, (event) => this.crashed(consumer, event.payload.error, event.payload.restart));
    await consumer.connect();
    await consumer.subscribe({ topic: this.options.topic, fromBeginning: this.options.fromBeginning ?? true });
    // handleKafkaBatch commits each finished slice itself, with this member's generation; kafkajs commits nothing.
    // Not awaited: joining may wait for a rebalance (a killed member's session to expire), and the
    // caller (the hub's start) must not. A failure to join reaches CRASH, or lands here.
    void consumer
      .run({
        eachBatchAutoResolve: false,
        autoCommit: false,
        // Each partition's batches stay in order; different partitions overlap (their pauses, commits and backoff are per partition).
        partitionsConsumedConcurrently: Math.max(1, this.options.partitionsConcurrently ?? 1),
        eachBatch: (payload) => handleKafkaBatch(payload, this.options, backoff, this.tracker),
      })
      .catch((error: Error) => this.crashed(consumer, error, false));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.backoff.clear();
    this.tracker.left();
    await this.consumer?.disconnect();
  }

  health(): SubscriptionHealth {
    return this.tracker.snapshot();
  }

  /** kafkajs restarts it by itself when `restart` is true; otherwise the consumer is gone and we replace it. */
  private crashed(consumer: Consumer, error: Error, restart: boolean): void {
    this.tracker.failed(error, true);
    if (this.stopped || consumer !== this.consumer) return;
    this.backoff.clear(); // its pauses belonged to the crashed consumer group: the restarted one fetches afresh
    const group = this.options.groupId;
    if (restart) return this.log('warn', `kafka consumer of ${group} crashed; kafkajs restarts it`, { error: describe(error) });
    const delay = backoffMs(this.restarts++, 1000);
    this.log('error', `kafka consumer of ${group} crashed and was not restarted; starting a new one in ${Math.round(delay)} ms`, {
      error: describe(error),
    });
    this.restartTimer = setTimeout(() => void this.restart(consumer), delay);
  }

  private async restart(old: Consumer): Promise<void> {
    if (this.stopped) return;
    await old.disconnect().catch(() => undefined);
    try {
      await this.start();
      if (this.stopped) await this.consumer?.disconnect(); // stopped while it was starting
    } catch (error) {
      this.crashed(this.consumer!, error as Error, false);
    }
  }
}

/**
 * Slices the fetched batch and hands each slice to the handler, committing only finished slices.
 * A handler's own failure pauses the partition for a backoff step: the slice comes again by
 * redelivery, never in an in-place loop. Anything else — a heartbeat or commit refused because the
 * group is rebalancing, this member's generation is stale or unknown, the coordinator moved — is
 * thrown out of eachBatch uncommitted, which makes kafkajs rejoin the group.
 */
export async function handleKafkaBatch(
  payload: EachBatchPayload,
  options: SubscribeOptions,
  backoff: PartitionBackoff,
  health: HealthTracker,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause } = payload;
  if (backoff.waiting(batch.partition)) return; // fetched before the pause took effect: comes again after it
  let lost: unknown;
  const beat = async () => {
    try {
      await heartbeat();
    } catch (error) {
      lost ??= error; // the handler may swallow it (a background heartbeat): remember it for below
      throw error;
    }
  };
  const active = () => isRunning() && !isStale() && lost === undefined;
  const context = { topic: batch.topic, partition: batch.partition, heartbeat: beat, isActive: async () => active() };
  const size = options.maxBatchSize ?? 500;
  for (let start = 0; start < batch.messages.length && active(); start += size) {
    const slice = batch.messages.slice(start, start + size).map((m) => toConsumed(batch.topic, batch.partition, m));
    try {
      await options.handleBatch(slice, context);
    } catch (error) {
      if (lost !== undefined) throw lost;
      if (!isRunning() || isStale()) return;
      health.failed(error, false);
      options.onError?.(error);
      backoff.failed(batch.partition, pause);
      return;
    }
    if (lost !== undefined) throw lost;
    backoff.succeeded(batch.partition);
    const last = slice.at(-1)!.offset;
    try {
      // Committed with this member's generation: the coordinator refuses it once that is stale.
      const next = (BigInt(last) + 1n).toString();
      await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }] });
    } catch (error) {
      health.failed(error, true);
      throw error;
    }
    resolveOffset(last);
    await beat();
  }
  if (lost !== undefined) throw lost;
}

function toConsumed(topic: string, partition: number, m: EachBatchPayload['batch']['messages'][number]): ConsumedMessage {
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key?.toString() ?? '',
    // A null value is a tombstone; kafkajs gives it as null.
    value: m.value === null ? null : m.value.toString(),
    headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : (v ?? ''))])),
  };
}
