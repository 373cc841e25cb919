/** WDT accepts page_size 1–100 (spec §4.1); the hub defaults to 50. */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

export function checkPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`WDT page_size must be a whole number from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  return pageSize;
}

export interface PagePosition {
  readonly pageSize: number;
  /** Rows on the page just read. */
  readonly rowsOnPage: number;
  /** Rows on every page read so far, this one included (duplicates too: it is a position, not a tally). */
  readonly rowsSoFar: number;
  /** From page 0: WDT sends total_count only there (spec §4.2). */
  readonly totalCount: number | undefined;
}

/**
 * Whether the page just read was the last (spec §7): an empty or short page ends the list, and so does
 * reaching total_count, which saves the extra empty request after an exactly-full last page.
 */
export function isLastPage(p: PagePosition): boolean {
  if (p.rowsOnPage === 0 || p.rowsOnPage < p.pageSize) return true;
  return p.totalCount !== undefined && p.rowsSoFar >= p.totalCount;
}
