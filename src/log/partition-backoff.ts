import { backoffMs } from './message-log.port';

/**
 * Redelivery with backoff for failed batches, per partition: the partition is paused, and resumed
 * after a capped exponential delay, so its messages are fetched again from the last committed
 * offset. The consumer never loops on a batch in place, and other partitions keep flowing.
 */
export class PartitionBackoff {
  private readonly attempts = new Map<number, number>();
  private readonly timers = new Map<number, NodeJS.Timeout>();

  constructor(private readonly baseMs: number) {}

  /** True while a partition waits for its redelivery (a batch fetched before the pause is dropped). */
  waiting(partition: number): boolean {
    return this.timers.has(partition);
  }

  /** Pauses the partition and resumes it after the next backoff step; returns that delay. */
  failed(partition: number, pause: () => () => void): number {
    const attempt = this.attempts.get(partition) ?? 0;
    this.attempts.set(partition, attempt + 1);
    const delay = backoffMs(attempt, this.baseMs);
    const resume = pause();
    clearTimeout(this.timers.get(partition));
    this.timers.set(
      partition,
      setTimeout(() => {
        this.timers.delete(partition);
        resume();
      }, delay),
    );
    return delay;
  }

  succeeded(partition: number): void {
    this.attempts.delete(partition);
  }

  /** Forgets pending resumes (the consumer they would resume is gone). */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
