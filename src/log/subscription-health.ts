import type { SubscriptionHealth } from './message-log.port';

/** The health a subscription reports: in its group or not, and the last thing that went wrong. */
export class HealthTracker {
  private state: SubscriptionHealth = { healthy: false, lastError: undefined, lastErrorAt: undefined };

  /** The member is (back) in its group and consuming. */
  joined(): void {
    this.state = { ...this.state, healthy: true };
  }

  /** `out`: the member left its group because of this (crash, kicked out); else only a batch failed. */
  failed(error: unknown, out: boolean): void {
    this.state = { healthy: this.state.healthy && !out, lastError: describe(error), lastErrorAt: new Date() };
  }

  left(): void {
    this.state = { ...this.state, healthy: false };
  }

  snapshot(): SubscriptionHealth {
    return this.state;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
