import { WdtClient, WdtWarehouseQuery } from '../wdt-client/wdt-client';
import { WdtPage } from '../wdt-client/read-page';
import { PassCount, judgePass } from './pass-verdict';
import { readAhead } from './read-ahead';

export interface ListingHooks {
  /** Called for every page as it arrives; recording happens here, so a later failure loses nothing. */
  onPage(page: WdtPage, expectedPages: number | undefined): Promise<void>;
  onRepeat(pass: number, reason: 'moved' | 'short', count: PassCount): void;
}

export interface ListingResult {
  /** False only when the last allowed pass still fell short of total_count. */
  readonly complete: boolean;
  readonly passes: number;
  /** The last pass had page 0's total_count and saw at least that many rows: evidence enough to flag. */
  readonly counted: boolean;
}

/**
 * Reads one listing (enabled or disabled warehouses) in full passes from page 0 until a pass is
 * complete (see pass-verdict.ts) or `maxPasses` is used up. A last pass that only `moved` still saw
 * every row page 0 announced, so it counts as complete. Client and hook errors propagate at once.
 */
export async function pullListing(
  client: WdtClient,
  query: WdtWarehouseQuery,
  maxPasses: number,
  hooks: ListingHooks,
): Promise<ListingResult> {
  for (let pass = 1; ; pass++) {
    const count = await readPass(client, query, hooks);
    const verdict = judgePass(count);
    const counted = count.totalCount !== undefined && count.distinct + count.invalid >= count.totalCount;
    if (verdict === 'complete' || (verdict === 'moved' && pass >= maxPasses)) return { complete: true, passes: pass, counted };
    if (pass >= maxPasses) return { complete: false, passes: pass, counted };
    hooks.onRepeat(pass, verdict, count);
  }
}

async function readPass(client: WdtClient, query: WdtWarehouseQuery, hooks: ListingHooks): Promise<PassCount> {
  const distinct = new Set<string>();
  let rows = 0;
  let invalid = 0;
  let totalCount: number | undefined;
  for await (const page of readAhead(client.pages(query))) {
    if (page.pageNo === 0) totalCount = page.totalCount;
    page.warehouses.forEach((w) => distinct.add(w.warehouseNo));
    rows += page.rowCount;
    invalid += page.invalidRows.length;
    await hooks.onPage(page, totalCount === undefined ? undefined : Math.max(1, Math.ceil(totalCount / client.pageSize)));
  }
  return { totalCount, rows, distinct: distinct.size, invalid };
}
