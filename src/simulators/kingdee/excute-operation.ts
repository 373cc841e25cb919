import { field, param, type RequestParams } from './request-params';
import { emptyParameterMessage, failure, responseStatus, unknownFormMessage, type SimError, type SimSuccess } from './responses';
import type { SimContext } from './sim-context';
import type { SimStock } from './stock-store';

/** The base-data operations the simulator knows through ExcuteOperation (sic): 禁用 and 反禁用. */
export type SwitchOperation = 'Forbid' | 'Enable';

export const notFoundMessage = (key: string): string => `[${key}]单据不存在或者已被删除`;
export const alreadyForbiddenMessage = (number: string): string => `编码为[${number}]的数据已经是禁用状态，不能重复禁用`;
export const notForbiddenMessage = (number: string): string => `编码为[${number}]的数据未禁用，不需要反禁用`;

/**
 * `ExcuteOperation [formid, opNumber, data]` with `Forbid` / `Enable` on BD_STOCK by `Ids` (comma text)
 * or `Numbers`: FForbidStatus A ↔ B. Each target succeeds or fails on its own, DIndex being its
 * position in Ids/Numbers; unknown targets and a repeat of the same switch are per-record errors
 * (MsgCode 10 when every error is an unknown target, else 11). Answers ResponseStatus only, as Submit/Audit.
 */
export function handleExcuteOperation(ctx: SimContext, params: RequestParams): unknown {
  const formId = String(param(params, 'formid', 0) ?? '');
  if (formId.toUpperCase() !== 'BD_STOCK') return failure(4, unknownFormMessage(formId));
  const opNumber = String(param(params, 'opNumber', 1) ?? '').trim();
  if (opNumber === '') return failure(3, '操作标识为空');
  const op = (['Forbid', 'Enable'] as const).find((o) => o.toLowerCase() === opNumber.toLowerCase());
  if (!op) return failure(4, `业务对象 ${formId} 不存在操作“${opNumber}”`);
  const data = param(params, 'data', 2);
  const ids = list(field(data, 'Ids'));
  const keys = ids.length > 0 ? ids : list(field(data, 'Numbers'));
  if (keys.length === 0) return failure(8, emptyParameterMessage('Numbers/Ids'));
  const errors: SimError[] = [];
  const successes: SimSuccess[] = [];
  keys.forEach((key, DIndex) => {
    const stock = ids.length > 0 ? ctx.stocks.get(Number(key)) : ctx.stocks.findByNumber(undefined, key);
    const problem = stock ? toggle(ctx, stock, op) : notFoundMessage(key);
    if (problem) errors.push({ FieldName: null, Message: problem, DIndex });
    else successes.push({ Id: stock!.FStockId, Number: stock!.FNumber, DIndex });
  });
  const allUnknown = errors.length > 0 && errors.every((e) => e.Message.endsWith('单据不存在或者已被删除'));
  return { Result: { ResponseStatus: responseStatus(errors, successes, allUnknown ? 10 : 11) } };
}

function toggle(ctx: SimContext, stock: SimStock, op: SwitchOperation): string | undefined {
  const forbidden = stock.FForbidStatus === 'B';
  if (op === 'Forbid' && forbidden) return alreadyForbiddenMessage(stock.FNumber);
  if (op === 'Enable' && !forbidden) return notForbiddenMessage(stock.FNumber);
  ctx.stocks.replace({ ...stock, FForbidStatus: op === 'Forbid' ? 'B' : 'A' });
  return undefined;
}

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : []).map((s) => s.trim()).filter(Boolean);
