import type { SkippedMessage, SkipReason } from './batch-plan';
import type { SavedRecord } from './outcomes';

/** What one batch did, for the log line and for tests. Counts only: bodies are never logged. */
export interface SinkReport {
  /** Created in Kingdee. */
  readonly saved: number;
  /** Existing Kingdee records updated in place. */
  readonly updated: number;
  /** Retired or merged-away records whose BD_STOCK is forbidden (or found so). */
  readonly forbidden: number;
  /** Record versions dead-lettered with a stewardship task. */
  readonly failed: number;
  readonly skipped: number;
  /** Messages that were not valid golden-record messages (dead-lettered only). */
  readonly invalid: number;
  readonly skippedBy: Readonly<Partial<Record<SkipReason, number>>>;
  /** Of the batch's messages (one per WDT sync run or steward action that caused them). */
  readonly correlationIds: readonly string[];
}

export function sinkReport(
  saved: readonly SavedRecord[],
  failed: number,
  skipped: readonly SkippedMessage[],
  invalid: number,
  correlationIds: readonly string[] = [],
  forbidden = 0,
): SinkReport {
  const skippedBy: Partial<Record<SkipReason, number>> = {};
  for (const s of skipped) skippedBy[s.reason] = (skippedBy[s.reason] ?? 0) + 1;
  return {
    saved: saved.filter((s) => s.operation === 'created').length,
    updated: saved.filter((s) => s.operation === 'updated').length,
    forbidden,
    failed,
    skipped: skipped.length,
    invalid,
    skippedBy,
    correlationIds: [...new Set(correlationIds)],
  };
}

export function reportLine(r: Omit<SinkReport, 'skippedBy' | 'correlationIds'>): string {
  const invalid = r.invalid > 0 ? `, ${r.invalid} invalid` : '';
  const forbidden = r.forbidden > 0 ? `, ${r.forbidden} forbidden` : '';
  return `Kingdee sink: ${r.saved} saved, ${r.updated} updated${forbidden}, ${r.failed} failed, ${r.skipped} skipped${invalid}`;
}

/** True when the batch touched Kingdee or the DLQ (worth an info line; pure re-deliveries are not). */
export const didWork = (r: Omit<SinkReport, 'skippedBy' | 'correlationIds'>): boolean =>
  r.saved + r.updated + r.forbidden + r.failed + r.invalid > 0;
