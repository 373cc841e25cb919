import { field, param, type RequestParams } from './request-params';
import { emptyParameterMessage, failure, responseStatus, unknownFormMessage, type SimError, type SimSuccess } from './responses';
import { readNeedUpDateFields, saveRecord, type SaveRules } from './save-record';
import type { SimContext } from './sim-context';

/**
 * Save / BatchSave of BD_STOCK. Each Model element is saved on its own (a failing record does not
 * stop the others); DIndex is the position in Model, or within each server sub-batch when
 * BatchCount splits the work (docs/kingdee-api.md).
 */
export function handleSave(ctx: SimContext, params: RequestParams, single: boolean): { reply: unknown; formId?: string; records?: number } {
  const formId = param(params, 'formid', 0);
  const data = param(params, 'data', 1);
  if (typeof formId !== 'string' || formId.trim() === '') return { reply: failure(5, '单据标识 formid 为空') };
  if (formId.toUpperCase() !== 'BD_STOCK') return { reply: failure(4, unknownFormMessage(formId)), formId };
  const rawModel = field(data, 'Model');
  const model = Array.isArray(rawModel) ? rawModel : rawModel && typeof rawModel === 'object' ? [rawModel] : [];
  if (model.length === 0) return { reply: failure(8, emptyParameterMessage('Model')), formId };
  const rules: SaveRules = {
    store: ctx.stocks,
    autoAudit: truthy(field(data, 'IsAutoSubmitAndAudit')),
    needUpDateFields: readNeedUpDateFields(data),
    rejectNumbers: ctx.faults.rejections(),
    ...ctx.behaviour,
  };
  const subBatch = subBatchSize(model.length, field(data, 'BatchCount'));
  const errors: SimError[] = [];
  const successes: SimSuccess[] = [];
  let msgCode = 0;
  model.forEach((entry, i) => {
    const DIndex = i % subBatch;
    const result = saveRecord(entry, rules);
    if (result.ok) successes.push({ Id: result.stock.FStockId, Number: result.stock.FNumber, DIndex });
    else {
      msgCode ||= result.msgCode;
      errors.push(...result.errors.map((e) => ({ ...e, DIndex })));
    }
  });
  const Result: Record<string, unknown> = { ResponseStatus: responseStatus(errors, successes, msgCode) };
  if (single) Object.assign(Result, { Id: successes[0]?.Id ?? 0, Number: successes[0]?.Number ?? '' });
  Result.NeedReturnData = successes.map(() => ({}));
  return { reply: { Result }, formId, records: model.length };
}

/** With BatchCount k < n the server runs k parallel sub-batches of ceil(n/k) and numbers DIndex within each. */
function subBatchSize(count: number, batchCount: unknown): number {
  const k = Number(batchCount);
  return Number.isInteger(k) && k > 1 && count > k ? Math.ceil(count / k) : count;
}

/** Options arrive as booleans or as the strings "true"/"false" (docs/kingdee-api.md). */
export const truthy = (value: unknown): boolean => value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
