/**
 * Whether one pass over a WDT listing can be trusted to have seen every row.
 *
 * WDT pages by offset and has no snapshot or "changed since" query, so the list can move under a
 * pull. A warehouse created ahead of the read position pushes every later row one place back: the
 * last row of page k comes again on page k+1 (a duplicate), and the new row itself is never read. A
 * warehouse deleted ahead of the read position pulls rows forward: the row that slides onto an
 * already-read page is never returned, so the pass sees fewer distinct rows than page 0's total_count
 * (the only count WDT gives) — and a missed row would be flagged missing.
 *
 * So: a pass is `short` when it saw fewer distinct rows than total_count, `moved` when it read a row
 * twice (rows are de-duplicated by warehouse_no, but a new row went unseen), else `complete`. The
 * puller reads the listing again from page 0 after a short or moved pass, a bounded number of times.
 */
export type PassVerdict = 'complete' | 'moved' | 'short';

export interface PassCount {
  /** total_count from this pass's page 0; undefined when WDT did not send one. */
  readonly totalCount: number | undefined;
  /** Rows read in this pass, duplicates and undecodable rows included. */
  readonly rows: number;
  /** Distinct warehouse_nos seen in this pass. */
  readonly distinct: number;
  /** Rows in this pass that could not be decoded (sent, just not usable). */
  readonly invalid: number;
}

export function judgePass(pass: PassCount): PassVerdict {
  const accounted = pass.distinct + pass.invalid;
  // Without total_count only the short last page ended the pass: only duplicates can be checked.
  if (pass.totalCount !== undefined && accounted < pass.totalCount) return 'short';
  return pass.rows > accounted ? 'moved' : 'complete';
}

export const DEFAULT_MAX_PASSES = 3;
