/**
 * A kdsvc request's parameters, whichever of the four body shapes carried them (docs/kingdee-api.md):
 * 1. named object `{"formid":…,"data":{…}}` (keys case-insensitive),
 * 2. positional `{"parameters":[formid, data]}` (data a JSON string or an object),
 * 3. the legacy .NET envelope `{"format":1,…,"parameters":"<JSON array as a string>"}`,
 * 4. a bare array `["BD_STOCK","{…}"]`.
 */
export interface RequestParams {
  readonly named: ReadonlyMap<string, unknown>;
  readonly positional: readonly unknown[] | undefined;
}

export class BadRequestBody extends Error {}

export function parseRequestBody(body: string): RequestParams {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text === '') return { named: new Map(), positional: undefined };
  const json = parseJson(text);
  if (Array.isArray(json)) return { named: new Map(), positional: json };
  if (typeof json !== 'object' || json === null) throw new BadRequestBody('request body must be a JSON object or array');
  const named = new Map(Object.entries(json).map(([k, v]) => [k.toLowerCase(), v]));
  const parameters = named.get('parameters');
  if (parameters === undefined) return { named, positional: undefined };
  const positional = typeof parameters === 'string' ? parseJson(parameters) : parameters;
  if (!Array.isArray(positional)) throw new BadRequestBody('parameters must be an array (or a JSON string of one)');
  return { named, positional };
}

/**
 * The parameter called `name` (any case), else the one at `position`. Objects may arrive as JSON
 * strings in every shape, so string values that look like JSON objects or arrays are parsed.
 */
export function param(params: RequestParams, name: string, position: number): unknown {
  const named = params.positional === undefined ? params.named.get(name.toLowerCase()) : undefined;
  const value = named !== undefined ? named : params.positional?.[position];
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Case-insensitive property of a plain object. */
export function field(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  const record = obj as Record<string, unknown>;
  if (key in record) return record[key];
  const found = Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : record[found];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequestBody(`request body is not valid JSON: ${(error as Error).message}`);
  }
}
