import { WdtError, WdtErrorCode } from './wdt-error';

export interface RetryPolicy {
  /** Tries in all for HTTP 5xx / timeouts / network failures (first try included). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Tries in all when WDT answers "rate limited". */
  readonly rateLimitMaxAttempts: number;
  /**
   * First pause after a rate-limit reply. WDT allows about 60 calls a minute; the one client that
   * documents its handling waits 31 s, by which time half the window has rolled over.
   */
  readonly rateLimitDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  rateLimitMaxAttempts: 4,
  rateLimitDelayMs: 31_000,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryNotice {
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: WdtError;
}

/**
 * The pause before the next try, or undefined to give up. Transient failures back off exponentially
 * with "equal jitter" (half fixed, half random) so several hubs do not retry in lockstep.
 */
export function retryDelay(error: WdtError, attempts: AttemptCounts, policy: RetryPolicy, random: () => number): number | undefined {
  if (error.reason === WdtErrorCode.rateLimited) {
    if (attempts.rateLimited >= policy.rateLimitMaxAttempts) return undefined;
    return Math.round(policy.rateLimitDelayMs * attempts.rateLimited * (1 + 0.25 * random()));
  }
  if (error.reason === WdtErrorCode.unavailable) {
    if (attempts.unavailable >= policy.maxAttempts) return undefined;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts.unavailable - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * random());
  }
  return undefined;
}

export interface AttemptCounts {
  rateLimited: number;
  unavailable: number;
}

/** Runs `attempt` until it succeeds, fails for good, or runs out of tries; rate limits and outages are counted apart. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: { policy: RetryPolicy; sleep: Sleep; random: () => number; onRetry?: (notice: RetryNotice) => void },
): Promise<T> {
  const counts: AttemptCounts = { rateLimited: 0, unavailable: 0 };
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WdtError) || !error.retryable) throw error;
      if (error.reason === WdtErrorCode.rateLimited) counts.rateLimited++;
      else counts.unavailable++;
      const delayMs = retryDelay(error, counts, options.policy, options.random);
      if (delayMs === undefined) throw error;
      options.onRetry?.({ attempt: tries, delayMs, error });
      await options.sleep(delayMs);
    }
  }
}
