import { SecretScrubber } from '../../shared/secrets/secret-scrubber';
import { CallBudget } from './call-budget';
import { FetchFn, postForm } from './http-call';
import { DEFAULT_PAGE_SIZE, QIMEN_SAFE_PAGE_SIZE, checkPageSize, isLastPage } from './paging';
import { WdtPage, readPage } from './read-page';
import { DEFAULT_RETRY_POLICY, RetryNotice, RetryPolicy, Sleep, realSleep, withRetry } from './retry';
import { WdtError, WdtErrorCode, scrubError } from './wdt-error';
import { WdtProtocol } from './wdt-protocol';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { WdtWarehouseQuery, businessParams } from './warehouse-query';

export type { WdtWarehouseQuery };

export interface WdtClientOptions {
  readonly pageSize?: number;
  readonly timeoutMs?: number;
  /** Client-side quota; undefined = 60 calls a minute. */
  readonly budget?: CallBudget;
  readonly retry?: Partial<RetryPolicy>;
  /** Injectable so tests don't wait out real back-off delays. */
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly fetch?: FetchFn;
  readonly onRetry?: (notice: RetryNotice & { readonly page: number }) => void;
  /** Refuses to page past this, whatever the server keeps sending. */
  readonly maxPages?: number;
  /** WDT refused page_size on page 0 and the pull went on with a smaller one. */
  readonly onPageSizeFallback?: (from: number, to: number, reason: string) => void;
}

export interface WdtPullResult {
  readonly warehouses: readonly WdtWarehouse[];
  readonly totalCount: number | undefined;
  readonly pages: number;
  readonly invalidRows: readonly WdtError[];
}

/** Reads warehouse_query (企业版 or 企业奇门, by protocol) page by page with quota, retries and lenient decoding. */
export class WdtClient {
  readonly pageSize: number;
  private readonly budget: CallBudget;
  private readonly policy: RetryPolicy;
  private readonly scrubber: SecretScrubber;

  constructor(
    readonly protocol: WdtProtocol,
    private readonly options: WdtClientOptions = {},
  ) {
    this.pageSize = checkPageSize(options.pageSize ?? DEFAULT_PAGE_SIZE);
    this.budget = options.budget ?? new CallBudget(60, Date.now, options.sleep ?? realSleep);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.scrubber = new SecretScrubber(protocol.secrets);
  }

  get variant(): 'openapi' | 'qimen' {
    return this.protocol.variant;
  }

  /** One page (0-based), retried on rate limits and outages; other failures throw at once. */
  async fetchPage(pageNo: number, query: WdtWarehouseQuery = {}, pageSize = this.pageSize): Promise<WdtPage> {
    checkPageSize(pageSize);
    const business = businessParams(query, pageNo, pageSize);
    try {
      return await withRetry(() => this.callOnce(business, pageNo, pageSize), {
        policy: this.policy,
        sleep: this.options.sleep ?? realSleep,
        random: this.options.random ?? Math.random,
        onRetry: (notice) => this.options.onRetry?.({ ...notice, page: pageNo }),
      });
    } catch (error) {
      throw error instanceof WdtError ? scrubError(error, this.scrubber) : error;
    }
  }

  /**
   * Every page of one pull, in order: page 0's total_count decides the end together with short and
   * empty pages (paging.ts). If WDT refuses our page_size on page 0, the pull goes on at 30.
   */
  async *pages(query: WdtWarehouseQuery = {}): AsyncGenerator<WdtPage> {
    const maxPages = this.options.maxPages ?? 10_000;
    const returned = new Set<string>();
    let totalCount: number | undefined;
    let pageSize = this.pageSize;
    let rowsSoFar = 0;
    for (let pageNo = 0; ; pageNo++) {
      if (pageNo >= maxPages) {
        throw new WdtError(
          WdtErrorCode.malformedResponse,
          `WDT kept returning new rows up to page ${pageNo}: giving up on a list that does not end`,
          { page: pageNo },
        );
      }
      const page = pageNo === 0 ? await this.firstPage(query) : await this.fetchPage(pageNo, query, pageSize);
      if (pageNo === 0) [totalCount, pageSize] = [page.totalCount, page.pageSize];
      rowsSoFar += page.rowCount;
      const newRowsOnPage = page.invalidRows.length + countNew(page, returned);
      yield page;
      if (isLastPage({ pageSize, rowsOnPage: page.rowCount, newRowsOnPage, rowsSoFar, totalCount })) return;
    }
  }

  /** A whole pull in memory (for tools and tests; the sync runner streams pages instead). */
  async fetchAll(query: WdtWarehouseQuery = {}): Promise<WdtPullResult> {
    const warehouses: WdtWarehouse[] = [];
    const invalidRows: WdtError[] = [];
    let totalCount: number | undefined;
    let pages = 0;
    for await (const page of this.pages(query)) {
      if (page.pageNo === 0) totalCount = page.totalCount;
      warehouses.push(...page.warehouses);
      invalidRows.push(...page.invalidRows);
      pages++;
    }
    return { warehouses, totalCount, pages, invalidRows };
  }

  private async firstPage(query: WdtWarehouseQuery): Promise<WdtPage> {
    try {
      return await this.fetchPage(0, query);
    } catch (error) {
      const refusedSize = error instanceof WdtError && error.reason === WdtErrorCode.rejected && /page_size/i.test(error.message);
      if (!refusedSize || this.pageSize <= QIMEN_SAFE_PAGE_SIZE) throw error;
      this.options.onPageSizeFallback?.(this.pageSize, QIMEN_SAFE_PAGE_SIZE, error.message);
      return this.fetchPage(0, query, QIMEN_SAFE_PAGE_SIZE);
    }
  }

  private async callOnce(business: Record<string, string>, pageNo: number, pageSize: number): Promise<WdtPage> {
    await this.budget.take();
    const form = this.protocol.signedForm(business, (this.options.now ?? (() => new Date()))());
    const reply = await postForm(this.protocol.url, form, {
      timeoutMs: this.options.timeoutMs ?? 30_000,
      fetch: this.options.fetch ?? fetch,
      page: pageNo,
    });
    return readPage(reply, this.protocol, pageNo, pageSize);
  }
}

function countNew(page: WdtPage, returned: Set<string>): number {
  let fresh = 0;
  for (const { warehouseNo } of page.warehouses) {
    if (returned.has(warehouseNo)) continue;
    returned.add(warehouseNo);
    fresh++;
  }
  return fresh;
}
