import type { FieldType, KingdeeValue } from '../contracts/integration-scheme';

export class FieldValueError extends Error {
  override readonly name = 'FieldValueError';
}

/**
 * Types one rendered value the way Kingdee expects it (docs/kingdee-api.md "Mapping risks"):
 * checkbox fields as JSON booleans (the seed's `1` → true), enum/text fields as strings (so "02" and
 * "5" stay strings), base-data references as `{FNumber: "…"}`.
 */
export function typeFieldValue(value: unknown, type: FieldType, referenceKey = 'FNumber'): KingdeeValue {
  switch (type) {
    case 'string':
      return asString(value);
    case 'number':
      return asNumber(value);
    case 'boolean':
      return asBoolean(value);
    case 'reference':
      return { [referenceKey]: asString(value) };
  }
}

function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new FieldValueError(`${JSON.stringify(value)} is not text`);
}

function asNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  throw new FieldValueError(`${JSON.stringify(value)} is not a number`);
}

const TRUE_TEXT = new Set(['1', 'true']);
const FALSE_TEXT = new Set(['0', 'false', '']);

/** Accepts what WDT and the seed write for yes/no: booleans, 1/0 and their strings; null is "no". */
function asBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (TRUE_TEXT.has(text)) return true;
    if (FALSE_TEXT.has(text)) return false;
  }
  throw new FieldValueError(`${JSON.stringify(value)} is not a boolean (use true/false or 1/0)`);
}
