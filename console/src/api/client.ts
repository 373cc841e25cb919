/** The one place the console talks HTTP: `/api/v1`, Bearer key, `{error:{code,message,details}}` errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiResponse<T> {
  readonly data: T;
  readonly headers: Headers;
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Compares two global positions (decimal strings, possibly beyond 2^53). */
const later = (a: string, b: string | null): boolean => b === null || a.length > b.length || (a.length === b.length && a > b);

export class ApiClient {
  /**
   * The newest `X-Mdm-Position` a change of this session answered with: reads of read models ask
   * for it (`?minPosition=`), so a steward sees their own change without polling for it.
   */
  private written: string | null = null;

  constructor(
    private readonly key: string,
    /** Called on 401 so the session can end (a revoked key, a restarted hub with new keys). */
    private readonly onUnauthenticated: () => void = () => undefined,
  ) {}

  async get<T>(path: string, query?: Query): Promise<T> {
    return (await this.send<T>('GET', path, { query })).data;
  }

  /**
   * A GET answered from read models, once they have applied this session's changes. Should they
   * not get there in the hub's bounded wait (503 read_models_behind), the read is answered as the
   * read models stand rather than not at all.
   */
  async read<T>(path: string, query?: Query): Promise<ApiResponse<T>> {
    if (this.written === null) return this.send<T>('GET', path, { query });
    try {
      return await this.send<T>('GET', path, { query: { ...query, minPosition: this.written } });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'read_models_behind') return this.send<T>('GET', path, { query });
      throw error;
    }
  }

  async send<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${this.key}`, ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}${queryString(options.query)}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
    }
    // Errors carry it too: after a 412 the read models are awaited up to the change that caused it.
    const position = method === 'GET' ? null : response.headers.get('X-Mdm-Position');
    if (position && /^\d+$/.test(position) && later(position, this.written)) this.written = position;
    const text = await response.text();
    const body = parse(text);
    if (!response.ok) {
      const error = errorOf(body);
      if (response.status === 401) this.onUnauthenticated();
      throw new ApiError(
        response.status,
        error?.code ?? `http_${response.status}`,
        error?.message ?? (text || response.statusText),
        error?.details,
      );
    }
    return { data: body as T, headers: response.headers };
  }
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorOf(body: unknown): { code?: string; message?: string; details?: unknown } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as { code?: string; message?: string; details?: unknown }) : undefined;
}

/** 404 on an /api/v1 route the hub does not have yet (as opposed to a record that does not exist). */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && /cannot (get|post|put|delete)/i.test(error.message);
}
