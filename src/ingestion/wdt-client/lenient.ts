// WDT's PHP backend and the client structs disagree on types (ids as numbers or strings, flags as 0/1,
// "0"/"1" or booleans), so every field is read leniently. Empty values mean "not set" (docs/wdt-api.md).

/** A string, or a number rendered as one; empty or whitespace-only → undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** A number or numeric string; anything else → undefined. */
export function decimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : undefined;
}

export function integer(value: unknown): number | undefined {
  const n = decimal(value);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

const TRUE = ['1', 'true', 'yes', 'y', '是'];
const FALSE = ['0', 'false', 'no', 'n', '否'];

/** true/false, 1/0, "1"/"0", "true"/"false" → boolean; anything else → undefined. */
export function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return TRUE.includes(v) ? true : FALSE.includes(v) ? false : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
