import { Faults } from './faults';
import { parseQuery, selectPage } from './query';
import { SimError, SimErrorReplies, wdtError } from './sim-errors';
import { SimWarehouse } from './sim-warehouse';
import { OpenapiAuthSettings, verifyOpenapi } from './verify-openapi';
import { QimenAuthSettings, verifyQimen } from './verify-qimen';
import { WarehouseStore } from './warehouse-store';

export type Variant = 'openapi' | 'qimen';

export interface SimCall {
  readonly at: string;
  readonly variant: Variant;
  readonly pageNo: string | undefined;
  readonly pageSize: string | undefined;
  readonly isDisabled: string | undefined;
  /** The warehouse_no filter, when the query had one (a look-up by code). */
  readonly warehouseNo: string | undefined;
  /** `ok`, `http 500`, `malformed`, or the error code sent. */
  readonly outcome: string;
}

export interface SimContext {
  readonly store: WarehouseStore;
  readonly faults: Faults;
  readonly openapi: OpenapiAuthSettings;
  readonly qimen: QimenAuthSettings;
  readonly errors: SimErrorReplies;
  readonly now: () => Date;
  readonly calls: SimCall[];
  /** Optional real quota: calls per rolling minute, undefined = unlimited. */
  readonly callsPerMinute: number | undefined;
  readonly recentCalls: number[];
}

export interface SimReply {
  readonly status: number;
  readonly body: string;
  readonly delayMs: number;
}

/** One warehouse query, 企业版 or Qimen: faults, authentication, quota, params, then the page. */
export function answerQuery(ctx: SimContext, variant: Variant, params: Readonly<Record<string, string>>): SimReply {
  const delayMs = ctx.faults.current().slowPageMs;
  const log = (outcome: string) =>
    ctx.calls.push({
      at: ctx.now().toISOString(),
      variant,
      pageNo: params.page_no,
      pageSize: params.page_size,
      isDisabled: params.is_disabled,
      warehouseNo: params.warehouse_no,
      outcome,
    });
  const failWith = (error: SimError): SimReply => {
    log(error.by === 'wdt' ? String(error.reply.code) : error.code);
    return { status: 200, body: JSON.stringify(errorBody(variant, error)), delayMs };
  };

  const httpStatus = ctx.faults.takeServerError();
  if (httpStatus !== undefined) {
    log(`http ${httpStatus}`);
    return { status: httpStatus, body: `<html><body><h1>${httpStatus} Internal Server Error</h1></body></html>`, delayMs };
  }
  const now = ctx.now();
  const authError = variant === 'openapi' ? verifyOpenapi(params, ctx.openapi, now) : verifyQimen(params, ctx.qimen, now);
  if (authError) return failWith(authError);
  if (ctx.faults.takeRateLimit() || overQuota(ctx, now.getTime())) return failWith(wdtError(ctx.errors.rateLimit));
  const parsed = parseQuery(params);
  if (!parsed.ok) return failWith(wdtError(ctx.errors.invalidParam, parsed.message));
  if (ctx.faults.takeMalformed(parsed.query.pageNo)) {
    log('malformed');
    return { status: 200, body: '{"code":0,"message":"","warehouses":[{"warehouse_no":"', delayMs };
  }
  const { totalCount, page } = selectPage(ctx.store.all(), parsed.query);
  const sendTotal = parsed.query.pageNo === 0 && !ctx.faults.current().omitTotalCount;
  const body = successBody(variant, sendTotal ? totalCount : undefined, page);
  log('ok');
  // Served: a row created now lands in front of everything the rest of this pull will read.
  if (parsed.query.pageNo === 0 && ctx.faults.takeShift()) ctx.store.add({}, 'front');
  return { status: 200, body, delayMs };
}

function successBody(variant: Variant, totalCount: number | undefined, rows: readonly SimWarehouse[]): string {
  // total_count only on page 0 (docs/wdt-api.md).
  const payload = { code: 0, message: '', ...(totalCount === undefined ? {} : { total_count: totalCount }), warehouses: rows };
  if (variant === 'openapi') return JSON.stringify(payload);
  const { code: _code, ...rest } = payload;
  return JSON.stringify({ response: { errorcode: 0, ...rest } });
}

function errorBody(variant: Variant, error: SimError): unknown {
  if (error.by === 'gateway') {
    return {
      response: { flag: 'failure', code: error.code, message: error.message, sub_code: error.subCode, sub_message: error.subMessage },
    };
  }
  return variant === 'openapi'
    ? { code: error.reply.code, message: error.reply.message }
    : { response: { errorcode: error.reply.code, message: error.reply.message } };
}

function overQuota(ctx: SimContext, nowMs: number): boolean {
  if (ctx.callsPerMinute === undefined) return false;
  while (ctx.recentCalls.length > 0 && ctx.recentCalls[0]! <= nowMs - 60_000) ctx.recentCalls.shift();
  if (ctx.recentCalls.length >= ctx.callsPerMinute) return true;
  ctx.recentCalls.push(nowMs);
  return false;
}
