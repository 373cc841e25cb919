import { field, param, type RequestParams } from './request-params';
import { failure, responseStatus, unknownFormMessage, type SimError, type SimSuccess } from './responses';
import { orgId, type SimContext } from './sim-context';
import { stockField } from './stock-fields';
import type { SimStock } from './stock-store';

export type FormOperation = 'Submit' | 'Audit' | 'UnAudit' | 'Delete';

/** View by Id or Number (docs/kingdee-api.md): `{Result:{ResponseStatus, Result:{…}}}`, multi-language names as `[{Key, Value}]`. */
export function handleView(ctx: SimContext, params: RequestParams): unknown {
  const formId = String(param(params, 'formid', 0) ?? '');
  if (formId.toUpperCase() !== 'BD_STOCK') return failure(4, unknownFormMessage(formId));
  const data = param(params, 'data', 1);
  const id = Number(field(data, 'Id') ?? 0);
  const number = field(data, 'Number');
  const stock = id > 0 ? ctx.stocks.get(id) : typeof number === 'string' && number ? ctx.stocks.findByNumber(undefined, number) : undefined;
  if (!stock) return failure(10, '单据不存在或者已被删除');
  return { Result: { ResponseStatus: responseStatus([], [], 0), Result: viewObject(ctx, stock) } };
}

function viewObject(ctx: SimContext, stock: SimStock): Record<string, unknown> {
  const out: Record<string, unknown> = { Id: stock.FStockId, Number: stock.FNumber };
  for (const [key, value] of Object.entries(stock)) {
    if (key === 'FStockId' || key === 'FNumber') continue;
    const name = key.replace(/^F/, '');
    if (key === 'FName' || key === 'FDescription') out[name] = [{ Key: 2052, Value: value }];
    else if (stockField(key)?.kind === 'ref' && value && typeof value === 'object') {
      const refNumber = String((value as Record<string, unknown>).FNumber ?? '');
      out[name] = { Id: orgId(ctx, refNumber), Number: refNumber, Name: [{ Key: 2052, Value: refNumber }] };
    } else out[name] = value;
  }
  return out;
}

/** Submit / Audit / UnAudit / Delete by `Numbers` or `Ids` (comma text or list); ResponseStatus only. */
export function handleOperation(ctx: SimContext, params: RequestParams, operation: FormOperation): unknown {
  const formId = String(param(params, 'formid', 0) ?? '');
  if (formId.toUpperCase() !== 'BD_STOCK') return failure(4, unknownFormMessage(formId));
  const data = param(params, 'data', 1);
  const ids = list(field(data, 'Ids')).map(Number);
  const targets =
    ids.length > 0 ? ids.map((id) => ctx.stocks.get(id)) : list(field(data, 'Numbers')).map((n) => ctx.stocks.findByNumber(undefined, n));
  const errors: SimError[] = [];
  const successes: SimSuccess[] = [];
  targets.forEach((stock, DIndex) => {
    const problem = stock ? apply(ctx, stock, operation) : '单据不存在或者已被删除';
    if (problem) errors.push({ FieldName: null, Message: problem, DIndex });
    else successes.push({ Id: stock!.FStockId, Number: stock!.FNumber, DIndex });
  });
  return { Result: { ResponseStatus: responseStatus(errors, successes, 11) } };
}

function apply(ctx: SimContext, stock: SimStock, operation: FormOperation): string | undefined {
  const status = stock.FDocumentStatus;
  if (operation === 'Delete') return status === 'C' ? '已审核的数据不允许删除' : void ctx.stocks.remove(stock.FStockId);
  if (operation === 'UnAudit' && status !== 'C') return '数据未审核，不能反审核';
  if (operation === 'Audit' && status === 'C') return '数据已审核，不能重复审核';
  const next = { Submit: 'B', Audit: 'C', UnAudit: 'D' }[operation];
  ctx.stocks.replace({ ...stock, FDocumentStatus: next });
  return undefined;
}

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : []).map((s) => s.trim()).filter(Boolean);
