import { SqlExecutor } from '../event-store/stored-event';

/**
 * The golden-record log: the port behind which Kafka (kafkajs) and the embedded PostgreSQL log sit.
 * Same semantics on both: per-key ordering (one key → one partition), at-least-once delivery,
 * consumer-group offsets that survive restarts, partitions split across a group's members.
 */
export interface LogMessage {
  readonly key: string;
  /** null = a tombstone: on a compacted topic, the key's latest value is deleted. */
  readonly value: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ConsumedMessage extends LogMessage {
  readonly topic: string;
  readonly partition: number;
  /** Decimal string, as Kafka offsets are. */
  readonly offset: string;
}

export interface BatchContext {
  readonly topic: string;
  readonly partition: number;
  /**
   * Keeps group membership alive during long work. Throws once this member has lost its place in the
   * group (a rebalance started, its generation is stale): the batch must then be given up.
   */
  heartbeat(): Promise<void>;
  /**
   * False once the subscription is stopping, a rebalance took this member's generation away, or the
   * partition moved to another member. Asked right before every external write.
   */
  isActive(): Promise<boolean>;
}

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topic: string;
  /** Where a group with no committed offset starts. Default true. */
  readonly fromBeginning?: boolean;
  readonly maxBatchSize?: number;
  /**
   * How many of its partitions a member works on at once (default 1). Each partition still gets its
   * batches one at a time and in order; only different partitions overlap.
   */
  readonly partitionsConcurrently?: number;
  /**
   * Handles one batch of one partition. Resolving commits the batch's offsets; throwing commits
   * nothing and the same messages are delivered again after a capped exponential backoff (so
   * handlers must be idempotent). A member that lost the partition meanwhile commits nothing either.
   */
  readonly handleBatch: (messages: readonly ConsumedMessage[], context: BatchContext) => Promise<void>;
  readonly onError?: (error: unknown) => void;
  /** Backoff before a failed batch is delivered again. Default 1 s, doubling per failure up to 30 s. */
  readonly retryBackoffMs?: number;
  /** Told which partitions this member owns after every (re)assignment. */
  readonly onAssignment?: (partitions: readonly number[]) => void;
}

export interface Subscription {
  stop(): Promise<void>;
  health(): SubscriptionHealth;
}

/** Whether a subscription still consumes, so a member that died or got stuck can be seen (status, metrics). */
export interface SubscriptionHealth {
  /** False while the member is out of its group: crashed, restarting, or kicked out and rejoining. */
  readonly healthy: boolean;
  /** The last failure of the member or of a batch, with when it happened. */
  readonly lastError: string | undefined;
  readonly lastErrorAt: Date | undefined;
}

export interface PartitionLag {
  readonly partition: number;
  readonly committed: string;
  readonly end: string;
  readonly lag: number;
}

export interface MessageLog {
  readonly kind: 'kafka' | 'embedded';
  /** Creates the topic if missing (compacted when asked). */
  ensureTopic(topic: string, options: { partitions: number; compact?: boolean }): Promise<void>;
  /**
   * Resolves once the log has durably acknowledged every message. The embedded log writes through
   * `tx` when given, so a processor's publish and checkpoint commit together; Kafka ignores it.
   */
  publish(topic: string, messages: readonly LogMessage[], tx?: SqlExecutor): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  consumerLag(groupId: string, topic: string): Promise<PartitionLag[]>;
  /** Throws when the log cannot be reached (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Kafka's default partitioner is murmur2; the embedded log only needs a stable spread. */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % partitions;
}

/** Capped exponential backoff with ±25 % jitter, so members that failed together do not retry together. */
export function backoffMs(attempt: number, baseMs: number): number {
  const ms = Math.min(30_000, baseMs * 2 ** Math.min(attempt, 10));
  return ms * (0.75 + Math.random() * 0.5);
}
