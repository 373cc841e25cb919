import { SimWarehouse } from './sim-warehouse';

export interface SimQuery {
  readonly warehouseNo: string | undefined;
  /** undefined = every type (absent or 0, "不限"). */
  readonly type: number | undefined;
  readonly subType: number | undefined;
  readonly isDisabled: 0 | 1;
  readonly pageNo: number;
  readonly pageSize: number;
}

export type ParsedQuery =
  { readonly ok: true; readonly query: SimQuery } | { readonly ok: false; readonly field: string; readonly message: string };

export const DEFAULT_SIM_PAGE_SIZE = 40;

/**
 * warehouse_query's business params (docs/wdt-api.md). `is_disabled` absent means 0, so only
 * enabled warehouses come back, as the doc comment says ("默认为0 返回未停用仓库"); disabled ones need
 * an explicit `is_disabled=1`. `warehouse_type` is read as `type` when `type` is absent (the 2020 Qimen
 * SDK class sends it); `start_time`/`end_time` are not filters and are ignored.
 */
export function parseQuery(params: Readonly<Record<string, string>>): ParsedQuery {
  const pageSize = whole(params.page_size, DEFAULT_SIM_PAGE_SIZE);
  if (pageSize === undefined || pageSize < 1 || pageSize > 100) {
    return { ok: false, field: 'page_size', message: 'page_size为正整数，取值范围1-100，请检查page_size是否为有效值' };
  }
  const pageNo = whole(params.page_no, 0);
  if (pageNo === undefined || pageNo < 0) return { ok: false, field: 'page_no', message: 'page_no为非负整数，请检查page_no是否为有效值' };
  const type = whole(params.type ?? params.warehouse_type, 0);
  if (type === undefined) return { ok: false, field: 'type', message: 'type无效' };
  const subType = whole(params.sub_type, -1);
  if (subType === undefined) return { ok: false, field: 'sub_type', message: 'sub_type无效' };
  const isDisabled = params.is_disabled === undefined || params.is_disabled === '' ? '0' : params.is_disabled;
  if (isDisabled !== '0' && isDisabled !== '1') return { ok: false, field: 'is_disabled', message: 'is_disabled只能为0或1' };
  return {
    ok: true,
    query: {
      warehouseNo: params.warehouse_no === '' ? undefined : params.warehouse_no,
      type: type === 0 ? undefined : type,
      subType: subType === -1 ? undefined : subType,
      isDisabled: isDisabled === '1' ? 1 : 0,
      pageNo,
      pageSize,
    },
  };
}

/** The rows of one page and the number of matches (which only page 0 reports). */
export function selectPage(rows: readonly SimWarehouse[], query: SimQuery): { totalCount: number; page: SimWarehouse[] } {
  const matches = rows.filter(
    (w) =>
      (query.warehouseNo === undefined || w.warehouse_no === query.warehouseNo) &&
      (query.type === undefined || Number(w.type) === query.type) &&
      (query.subType === undefined || Number(w.sub_type) === query.subType) &&
      Number(w.is_disabled) === query.isDisabled,
  );
  const start = query.pageNo * query.pageSize;
  return { totalCount: matches.length, page: matches.slice(start, start + query.pageSize) };
}

function whole(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  return /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
}
