import { deterministicId } from './content-hash';

/**
 * The WDT listing checks: whether a sync's listing could be trusted to flag warehouses missing. A
 * listing that would flag more than the allowed share of the known warehouses at once is far more
 * likely cut short (an ERP-side outage, a permissions change, a filter) than a mass deletion, so it
 * flags none and a steward is asked to look: one open task at a time, refreshed while the listing
 * stays suspicious, closed by the first listing that passes again or by a steward.
 *
 * They live on one stream of their own (no golden record is concerned).
 */
export const WDT_LISTING_CHECKS_STREAM = 'wdt-listing-checks';

export type ListingCheck =
  | {
      readonly outcome: 'truncated';
      /** How many warehouses the run would have flagged missing, of how many known. */
      readonly wouldFlag: number;
      readonly known: number;
      readonly maxShare: number;
      /** A few of the codes, for the steward to try in WDT. */
      readonly sample: readonly string[];
    }
  | { readonly outcome: 'trusted' };

export type ListingCheckEvent =
  | {
      readonly type: 'WdtListingLooksTruncated';
      readonly data: { taskId: string; syncRunId: string; wouldFlag: number; known: number; maxShare: number; sample: readonly string[] };
    }
  | { readonly type: 'WdtListingTrusted'; readonly data: { taskId: string; syncRunId: string } }
  | { readonly type: 'WdtListingTruncationDismissed'; readonly data: { taskId: string; reason: string | null } };

export const LISTING_CHECK_EVENT_TYPES: ReadonlySet<string> = new Set([
  'WdtListingLooksTruncated',
  'WdtListingTrusted',
  'WdtListingTruncationDismissed',
]);

/** The open truncation task's id after these events, if one is open. */
export function openTruncationTask(events: readonly ListingCheckEvent[]): string | undefined {
  let open: string | undefined;
  for (const event of events) open = event.type === 'WdtListingLooksTruncated' ? event.data.taskId : undefined;
  return open;
}

/** What one run's check records: a new or refreshed task, the closing of an open one, or nothing. */
export function decideListingCheck(check: ListingCheck, openTaskId: string | undefined, syncRunId: string): ListingCheckEvent[] {
  if (check.outcome === 'trusted')
    return openTaskId === undefined ? [] : [{ type: 'WdtListingTrusted', data: { taskId: openTaskId, syncRunId } }];
  const { wouldFlag, known, maxShare, sample } = check;
  const taskId = openTaskId ?? deterministicId('task_wdt_truncated', syncRunId);
  return [{ type: 'WdtListingLooksTruncated', data: { taskId, syncRunId, wouldFlag, known, maxShare, sample: sample.slice(0, 10) } }];
}

/** A steward closes the open task (they checked WDT); nothing when it is closed already. */
export function decideDismissTruncation(taskId: string, openTaskId: string | undefined, reason: string | null): ListingCheckEvent[] {
  return openTaskId === taskId ? [{ type: 'WdtListingTruncationDismissed', data: { taskId, reason } }] : [];
}
