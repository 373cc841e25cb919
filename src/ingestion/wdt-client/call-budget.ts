import { Sleep, realSleep } from './retry';

/**
 * Client-side call budget: a token bucket that keeps us under WDT's quota (about 60 calls a minute)
 * instead of learning about it from rate-limit replies. The burst is a sixth of the quota and the
 * refill rate the rest, so no 60-second window ever holds more than `callsPerMinute` calls.
 */
export class CallBudget {
  private readonly capacity: number;
  private readonly perMs: number;
  private tokens: number;
  private refilledAt: number;

  constructor(
    callsPerMinute: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {
    if (!(callsPerMinute > 0)) throw new RangeError(`callsPerMinute must be positive, got ${callsPerMinute}`);
    this.capacity = Math.max(1, Math.floor(callsPerMinute / 6));
    this.perMs = Math.max(callsPerMinute - this.capacity, 1) / 60_000;
    this.tokens = this.capacity;
    this.refilledAt = now();
  }

  /** Waits until a call may be made. Callers reserve a token first (it may go negative), so concurrent callers queue fairly. */
  async take(): Promise<void> {
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    await this.sleep(Math.ceil(-this.tokens / this.perMs));
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (at - this.refilledAt) * this.perMs);
    this.refilledAt = at;
  }
}
