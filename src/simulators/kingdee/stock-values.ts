import { field } from './request-params';
import { STOCK_PROPERTIES, type SimField } from './stock-fields';

export class FieldValueRejected extends Error {}

/**
 * One Model value converted to what the simulator stores, or rejected the way a strict Kingdee
 * would: references must be `{"FNumber": …}` and checkboxes real booleans (docs/kingdee-api.md risks;
 * whether a real tenant accepts `1` for a checkbox is open, so the simulator refuses it).
 */
export function convertValue(spec: SimField, value: unknown): unknown {
  switch (spec.kind) {
    case 'text':
      return checkEnum(spec, asText(spec, value));
    case 'int':
    case 'id':
      return asInt(spec, value);
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw new FieldValueRejected(`字段[${spec.label}]的值[${String(value)}]不是有效的布尔值（应为 true 或 false）`);
    case 'ref':
      return asReference(spec, value);
    case 'status':
      return undefined;
  }
}

function asText(spec: SimField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new FieldValueRejected(`字段[${spec.label}]的值格式不正确，应为文本`);
}

function asInt(spec: SimField, value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  throw new FieldValueRejected(`字段[${spec.label}]的值[${String(value)}]不是有效的整数`);
}

function asReference(spec: SimField, value: unknown): Record<string, string> | null {
  if (value === null) return null;
  const number = field(value, 'FNumber');
  if (typeof number === 'string' || typeof number === 'number') return { FNumber: String(number) };
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const other = keys.length === 1 ? (value as Record<string, unknown>)[keys[0]!] : undefined;
  if (keys.length === 1 && /^F/i.test(keys[0]!) && typeof other === 'string') return { [keys[0]!]: other };
  throw new FieldValueRejected(`字段[${spec.label}]是基础资料，值应为{"FNumber":"…"}，收到 ${JSON.stringify(value)}`);
}

function checkEnum(spec: SimField, value: string): string {
  if (spec.key === 'FStockProperty' && value !== '' && !STOCK_PROPERTIES.includes(value)) {
    throw new FieldValueRejected(`字段[${spec.label}]的值[${value}]不在可选范围内（1 普通仓库 … 5 第三方仓储）`);
  }
  if (spec.key === 'FStockStatusType' && value !== '' && !/^[0-8](,[0-8])*$/.test(value)) {
    throw new FieldValueRejected(`字段[${spec.label}]的值[${value}]不是有效的库存状态类型列表（如 0,1,2）`);
  }
  return value;
}

/** Empty for required-field purposes: missing, blank text, or a reference without a number. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object') return Object.values(value).every((v) => v === undefined || v === null || String(v).trim() === '');
  return false;
}
