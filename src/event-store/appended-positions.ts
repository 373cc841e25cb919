import { AsyncLocalStorage } from 'node:async_hooks';

/** The newest global position appended within one unit of work (an HTTP request). */
export class AppendedPositions {
  private newest: bigint | null = null;

  note(positions: readonly string[]): void {
    for (const p of positions) if (this.newest === null || BigInt(p) > this.newest) this.newest = BigInt(p);
  }

  /** null when nothing was appended. */
  get position(): string | null {
    return this.newest === null ? null : String(this.newest);
  }
}

const current = new AsyncLocalStorage<AppendedPositions>();

/**
 * Runs `work` so that every append it makes (through any EventStore instance, in any transaction
 * of its own) is noted: the API answers a mutation with the position its events reached without
 * threading positions through every command handler.
 */
export function trackAppends<T>(tracker: AppendedPositions, work: () => T): T {
  return current.run(tracker, work);
}

/** Called by the event store after an insert; a no-op outside trackAppends. */
export function noteAppended(positions: readonly string[]): void {
  current.getStore()?.note(positions);
}
