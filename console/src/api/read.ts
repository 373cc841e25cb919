/** Small readers for untrusted JSON: pick the first present spelling of a property, typed. */
export type Json = Readonly<Record<string, unknown>>;

export function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function first(o: Json, ...names: string[]): unknown {
  for (const name of names) if (o[name] !== undefined) return o[name];
  return undefined;
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === 1;
}
