import { field } from './request-params';
import { duplicateNumberMessage, requiredFieldMessage, unknownFieldMessage } from './responses';
import { REQUIRED_ON_CREATE, stockField } from './stock-fields';
import { useOrgOf, type SimStock, type StockStore } from './stock-store';
import { convertValue, FieldValueRejected, isEmptyValue } from './stock-values';

export interface SaveRules {
  readonly store: StockStore;
  readonly autoAudit: boolean;
  /** Lower-cased NeedUpDateFields; empty = every field sent is written. */
  readonly needUpDateFields: ReadonlySet<string>;
  /** Fault injection: number (lower-cased) → validation message. */
  readonly rejectNumbers: ReadonlyMap<string, string>;
  readonly rejectAutoAuditOnUpdate: boolean;
  readonly rejectAuditedUpdate: boolean;
}

export type SaveResult =
  | { readonly ok: true; readonly stock: SimStock }
  | { readonly ok: false; readonly msgCode: number; readonly errors: readonly { FieldName: string | null; Message: string }[] };

const fail = (msgCode: number, Message: string, FieldName: string | null = null): SaveResult => ({
  ok: false,
  msgCode,
  errors: [{ FieldName, Message }],
});

/** Validates and applies one Model entry: a create when FStockId is 0 or absent, else an update of that id. */
export function saveRecord(entry: unknown, rules: SaveRules): SaveResult {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail(8, 'Model 中的数据包格式不正确');
  const fields: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(entry)) {
    const spec = stockField(key);
    if (!spec) return fail(9, unknownFieldMessage(key), key);
    try {
      const value = convertValue(spec, raw);
      if (value !== undefined) fields[spec.key] = value;
    } catch (error) {
      if (error instanceof FieldValueRejected) return fail(11, error.message, spec.key);
      throw error;
    }
  }
  const id = Number(fields.FStockId ?? 0);
  delete fields.FStockId;
  return id > 0 ? update(id, fields, rules) : create(fields, rules);
}

function create(fields: Record<string, unknown>, rules: SaveRules): SaveResult {
  const problem = check(fields, rules, undefined);
  return problem ?? { ok: true, stock: rules.store.insert(fields, rules.autoAudit ? 'C' : 'A') };
}

function update(id: number, sent: Record<string, unknown>, rules: SaveRules): SaveResult {
  const existing = rules.store.get(id);
  if (!existing) return fail(10, `未找到内码为 ${id} 的仓库数据，可能已被删除`, 'FStockId');
  if (rules.autoAudit && rules.rejectAutoAuditOnUpdate) return fail(11, '更新时 IsAutoSubmitAndAudit 不能为 true');
  if (rules.rejectAuditedUpdate && existing.FDocumentStatus === 'C') return fail(12, '单据已审核，不允许修改');
  const chosen = Object.entries(sent).filter(([key]) => rules.needUpDateFields.size === 0 || rules.needUpDateFields.has(key.toLowerCase()));
  const merged = { ...existing, ...Object.fromEntries(chosen) };
  const problem = check(merged, rules, id);
  if (problem) return problem;
  return {
    ok: true,
    stock: rules.store.replace({ ...merged, FDocumentStatus: rules.autoAudit ? 'C' : existing.FDocumentStatus } as SimStock),
  };
}

function check(fields: Record<string, unknown>, rules: SaveRules, selfId: number | undefined): SaveResult | undefined {
  const missing = REQUIRED_ON_CREATE.filter((key) => isEmptyValue(fields[key]));
  if (missing.length > 0) {
    return {
      ok: false,
      msgCode: 11,
      errors: missing.map((key) => ({ FieldName: key, Message: requiredFieldMessage(stockField(key)!.label) })),
    };
  }
  const number = String(fields.FNumber);
  const injected = rules.rejectNumbers.get(number.toLowerCase());
  if (injected !== undefined) return fail(11, injected, 'FNumber');
  if (rules.store.findByNumber(useOrgOf(fields), number, selfId)) return fail(11, duplicateNumberMessage(number), 'FNumber');
  return undefined;
}

export const readNeedUpDateFields = (data: unknown): Set<string> => {
  const raw = field(data, 'NeedUpDateFields');
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' && raw.trim() ? raw.split(',') : [];
  return new Set(list.map((k) => String(k).trim().toLowerCase()));
};
