import { matchesFilter } from './filter-eval';
import { filterFields, FilterSyntaxError, parseFilter, type FilterExpr } from './filter-parser';
import { field, param, type RequestParams } from './request-params';
import { asQueryError, emptyParameterMessage, failure, unknownFieldMessage, unknownFormMessage } from './responses';
import { orgId, type SimContext } from './sim-context';
import { stockField } from './stock-fields';
import type { SimStock } from './stock-store';

class QueryRejected extends Error {
  constructor(
    readonly msgCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * ExecuteBillQuery over BD_STOCK: rows as arrays in FieldKeys order (dotted keys such as
 * `FUseOrgId.FNumber` read inside references), filtered, ordered, paged with StartRow/Limit or
 * TopRowCount. Failures come back as `[[{"Result":…}]]` (docs/kingdee-api.md).
 */
export function handleBillQuery(ctx: SimContext, params: RequestParams): { reply: unknown; formId?: string; records?: number } {
  const named = Object.fromEntries(params.named);
  const data = param(params, 'data', 0) ?? (field(named, 'fieldkeys') !== undefined ? named : undefined);
  const formId = String(field(data, 'FormId') ?? '');
  try {
    if (formId.toUpperCase() !== 'BD_STOCK') throw new QueryRejected(4, unknownFormMessage(formId));
    const keys = fieldKeys(field(data, 'FieldKeys'));
    const filter = readFilter(field(data, 'FilterString'));
    const read = (stock: SimStock) => (key: string) => readField(ctx, stock, key);
    const rows = order(
      ctx.stocks.all().filter((s) => matchesFilter(filter, read(s))),
      String(field(data, 'OrderString') ?? ''),
      ctx,
    );
    const page = paginate(rows, field(data, 'StartRow'), field(data, 'Limit'), field(data, 'TopRowCount'));
    return { reply: page.map((s) => keys.map(read(s))), formId, records: page.length };
  } catch (error) {
    if (!(error instanceof QueryRejected)) throw error;
    return { reply: asQueryError(failure(error.msgCode, error.message)), formId };
  }
}

function fieldKeys(raw: unknown): string[] {
  const keys = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',')).map((k) => k.trim()).filter(Boolean);
  if (keys.length === 0) throw new QueryRejected(8, emptyParameterMessage('FieldKeys'));
  for (const key of keys) checkField(key, 9, unknownFieldMessage(key));
  return keys;
}

function readFilter(raw: unknown): FilterExpr | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw new QueryRejected(8, 'FilterString 的数组格式不受模拟器支持，请使用字符串');
  try {
    const expr = parseFilter(raw);
    for (const f of filterFields(expr)) checkField(f, 4, `GetRealExpress error: 字段 ${f} 不存在`);
    return expr;
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new QueryRejected(4, `GetRealExpress error: ${error.message}`);
    throw error;
  }
}

function checkField(key: string, msgCode: number, message: string): void {
  const [base, sub, ...rest] = key.split('.');
  const spec = stockField(base ?? '');
  const subOk = sub === undefined || (spec?.kind === 'ref' && ['fnumber', 'fname'].includes(sub.toLowerCase()));
  if (!spec || !subOk || rest.length > 0) throw new QueryRejected(msgCode, message);
}

/** A plain reference key reads as the referenced record's internal id; `.FNumber` / `.FName` read inside it. */
function readField(ctx: SimContext, stock: SimStock, key: string): unknown {
  const [base, sub] = key.split('.');
  const spec = stockField(base!)!;
  const value = stock[spec.key];
  if (spec.kind !== 'ref') return value ?? (spec.kind === 'text' ? '' : spec.kind === 'bool' ? false : null);
  const number = (value as Record<string, unknown> | null | undefined)?.FNumber;
  if (sub === undefined) return typeof number === 'string' ? orgId(ctx, number) : 0;
  return typeof number === 'string' ? number : null;
}

function order(rows: SimStock[], orderString: string, ctx: SimContext): SimStock[] {
  const terms = orderString
    .split(',')
    .map((t) => t.trim().split(/\s+/))
    .filter(([k]) => k && stockField(k.split('.')[0]!));
  if (terms.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const [key, dir] of terms) {
      const x = readField(ctx, a, key!) as string | number;
      const y = readField(ctx, b, key!) as string | number;
      if (x !== y) return (x < y ? -1 : 1) * (dir?.toLowerCase() === 'desc' ? -1 : 1);
    }
    return 0;
  });
}

function paginate<T>(rows: T[], startRow: unknown, limit: unknown, top: unknown): T[] {
  const n = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : 0);
  const topped = n(top) > 0 ? rows.slice(0, n(top)) : rows;
  const start = n(startRow);
  return n(limit) > 0 ? topped.slice(start, start + n(limit)) : topped.slice(start);
}
