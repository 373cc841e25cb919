import type { SubscriptionHealth } from '../../log/message-log.port';

/** The Kingdee sink's membership health as `GET /status`, `mdm status` and `/metrics` show it. */
export interface SinkHealthStatus {
  /** False while the sink is out of its consumer group (crashed, restarting, kicked out) or not started. */
  readonly healthy: boolean;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
}

/**
 * Where the Kingdee sink reports how it stands (the sink injects this board optionally and registers
 * itself), so operations can show it without depending on the sink module. No sink registered
 * (one-shot CLI commands, apps without the sink) reads as null.
 */
export class SinkHealthBoard {
  private source: (() => SubscriptionHealth) | undefined;

  /** `undefined` forgets the source (a sink that stopped). */
  report(source: (() => SubscriptionHealth) | undefined): void {
    this.source = source;
  }

  read(): SinkHealthStatus | null {
    if (!this.source) return null;
    const { healthy, lastError, lastErrorAt } = this.source();
    return { healthy, lastError: lastError ?? null, lastErrorAt: lastErrorAt?.toISOString() ?? null };
  }
}
