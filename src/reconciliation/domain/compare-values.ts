import type { FieldType, KingdeeValue } from '../../contracts/integration-scheme';

/**
 * The value rules the sink writes by, read back: a reference is its number (`{FNumber:"02"}` is
 * "02"), a checkbox a boolean (Kingdee may answer true, 1 or "1"), a number a number, text text
 * (an absent value reads as ""). Both sides are brought to this form, then compared exactly.
 */
export function comparable(value: unknown, type: FieldType): string | number | boolean | null {
  switch (type) {
    case 'reference':
      return typeof value === 'object' && value !== null ? text(Object.values(value)[0]) : text(value);
    case 'boolean':
      return value === true || value === 1 || (typeof value === 'string' && ['1', 'true'].includes(value.trim().toLowerCase()));
    case 'number':
      return value === null || value === undefined || value === '' ? null : Number(value);
    case 'string':
      return text(value);
  }
}

export function sameKingdeeValue(kingdee: unknown, golden: KingdeeValue | undefined, type: FieldType): boolean {
  return comparable(kingdee, type) === comparable(golden, type);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
