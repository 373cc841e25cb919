/** How long a failing processor waits before its `attempt`-th retry (1-based): doubling from `baseMs`, capped at `maxMs`. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 30));
}
