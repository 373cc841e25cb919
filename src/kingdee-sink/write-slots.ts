import type { WriteSlots } from './sink-writer';

/**
 * A counting semaphore for Kingdee writes, shared by every partition the sink works on: at most
 * `limit` BatchSave calls are in flight across the process (KINGDEE_CONCURRENCY), whatever the
 * number of partitions. That is the load the ERP sees from one hub. Waiters are served in order.
 */
export class KingdeeWriteSlots implements WriteSlots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Kingdee write slots must be a whole number ≥ 1, got ${limit}`);
  }

  /** Calls in flight right now (for tests and metrics). */
  get inFlight(): number {
    return this.busy;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot overtake it.
      if (next) next();
      else this.busy--;
    }
  }
}
