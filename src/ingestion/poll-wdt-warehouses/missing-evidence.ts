/**
 * When a sync may flag warehouses missing in WDT. A flag says "WDT no longer has this warehouse",
 * so it needs evidence, not just absence from one listing:
 *
 * 1. the listing was complete and counted: every listing's last pass had page 0's total_count and
 *    saw at least that many distinct warehouse_nos (a WDT reply without total_count proves nothing);
 * 2. every absentee was looked up by warehouse_no and not found (confirm-missing.ts), all of them;
 * 3. the run would not flag more than `maxShare` of the warehouses the hub knows. More than that at
 *    once is far likelier a listing cut short (an ERP outage, a permissions change) than a mass
 *    deletion: nothing is flagged and a stewardship task "WDT listing looks truncated" is opened.
 */
export const DEFAULT_MISSING_MAX_SHARE = 0.2;
/** Look-ups by warehouse_no in flight at once (the client's call budget paces them further). */
export const DEFAULT_LOOKUP_CONCURRENCY = 4;

export function looksTruncated(wouldFlag: number, known: number, maxShare: number): boolean {
  return wouldFlag > 0 && wouldFlag > maxShare * known;
}
