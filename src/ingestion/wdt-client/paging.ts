/** WDT accepts page_size 1–100; the hub asks for the most it may (fewest calls per record). */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 100;
/** The cap some 企业奇门 methods document ("最大不超过30条", docs/wdt-api.md): the size to fall back to. */
export const QIMEN_SAFE_PAGE_SIZE = 30;

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
  /** Rows on that page not already returned earlier in this pull. */
  readonly newRowsOnPage: number;
  /** Rows on every page read so far, this one included (duplicates too: it is a position, not a tally). */
  readonly rowsSoFar: number;
  /** From page 0: WDT sends total_count only there (docs/wdt-api.md). */
  readonly totalCount: number | undefined;
}

/**
 * Whether the page just read was the last (docs/wdt-api.md): an empty page ends the list, and so does
 * reaching total_count (which saves the extra empty request after an exactly-full last page). A short
 * page ends it too, unless total_count says rows are still to come: a server that silently caps
 * page_size below what we asked, or a row deleted mid-pull, is then settled by one more request.
 * A page of nothing but rows already returned means the server is not paging: stop.
 */
export function isLastPage(p: PagePosition): boolean {
  if (p.rowsOnPage === 0 || p.newRowsOnPage === 0) return true;
  if (p.totalCount !== undefined) return p.rowsSoFar >= p.totalCount;
  return p.rowsOnPage < p.pageSize;
}
