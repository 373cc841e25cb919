/** Who started a sync run. */
export type SyncTrigger = 'schedule' | 'cli' | 'api';
export const SYNC_TRIGGERS: readonly SyncTrigger[] = ['schedule', 'cli', 'api'];

/** `abandoned`: the hub running it stopped (crash, kill) before it finished; closed by the next run. */
export type SyncStatus = 'running' | 'succeeded' | 'failed' | 'abandoned';

export interface SyncCounts {
  /** Pages fetched, every pass and both enabled/disabled listings included. */
  readonly pages: number;
  /** Full passes over the enabled and disabled listings (more than 2 when rows moved mid-pull). */
  readonly passes: number;
  /** Distinct warehouse_nos WDT returned. */
  readonly seen: number;
  readonly created: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Warehouses flagged missing in WDT (only after a complete pull). */
  readonly missing: number;
  /** Rows that could not be decoded (no warehouse_no…). */
  readonly failed: number;
}

export interface SyncRunSummary extends SyncCounts {
  readonly id: string;
  readonly trigger: SyncTrigger;
  readonly status: SyncStatus;
  readonly startedAt: Date;
  readonly finishedAt: Date | undefined;
  /** One line; for a failed run, why. */
  readonly error: string | undefined;
  /** Stable code of the failure (`wdt_credentials_rejected`, `wdt_pull_incomplete`, …). */
  readonly errorCode: string | undefined;
  readonly correlationId: string;
  readonly actor: string;
}

export interface SyncProgress {
  readonly runId: string;
  /** Pages read so far in this run. */
  readonly page: number;
  /** Pages this run is expected to read, once WDT's total_count is known. */
  readonly pages: number | undefined;
  readonly seen: number;
}

export const ZERO_COUNTS: SyncCounts = { pages: 0, passes: 0, seen: 0, created: 0, changed: 0, unchanged: 0, missing: 0, failed: 0 };
