import { quote, type BillQuery } from '../kingdee-sink/kingdee-client/bill-query';

export interface StockPagesRequest {
  readonly formId: string;
  readonly fieldKeys: readonly string[];
  /** `FUseOrgId.FNumber`; undefined reads every org. */
  readonly useOrg: string | undefined;
  readonly limit: number;
  readonly onPage?: (rowsSoFar: number) => void;
  readonly signal?: AbortSignal;
}

export interface StockPages {
  readonly rows: unknown[][];
  /** ExecuteBillQuery calls made: one per page of `limit` rows (plus one short or empty page). */
  readonly calls: number;
}

/**
 * Reads a whole use-org page by page (docs/kingdee-api.md paging): StartRow 0, limit, 2·limit…
 * ordered by FStockId so pages neither overlap nor skip, until a page comes back short.
 */
export async function readStockPages(query: (q: BillQuery) => Promise<unknown[][]>, request: StockPagesRequest): Promise<StockPages> {
  const rows: unknown[][] = [];
  let calls = 0;
  for (;;) {
    request.signal?.throwIfAborted();
    const page = await query({
      FormId: request.formId,
      FieldKeys: request.fieldKeys,
      ...(request.useOrg === undefined ? {} : { FilterString: `FUseOrgId.FNumber=${quote(request.useOrg)}` }),
      OrderString: 'FStockId',
      StartRow: rows.length,
      Limit: request.limit,
    });
    calls++;
    rows.push(...page);
    request.onPage?.(rows.length);
    if (page.length < request.limit) return { rows, calls };
  }
}
