import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppConfig } from '../config/config';
import { CliError } from './commands';

/** The key operator commands send: MDM_API_KEY, else an admin key of MDM_API_KEYS, else the generated key file. */
export function cliApiKey(config: AppConfig): string | undefined {
  if (config.cliApiKey) return config.cliApiKey;
  const admin = config.apiKeys?.find((k) => k.role === 'admin');
  if (admin) return admin.key;
  const file = path.join(config.database.dataDir, 'admin-api-key');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** A running hub's REST API, as the CLI uses it. */
export class HubClient {
  constructor(
    readonly baseUrl: string,
    private readonly key: string | undefined,
  ) {}

  /** The hub at HOST:PORT if one answers its health check (healthy or not), else undefined. */
  static async discover(config: AppConfig, timeoutMs = 1500): Promise<HubClient | undefined> {
    const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? '127.0.0.1' : config.http.host;
    const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${config.http.port}`;
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
      const body = (await res.json()) as { status?: unknown };
      return typeof body.status === 'string' ? new HubClient(baseUrl, cliApiKey(config)) : undefined;
    } catch {
      return undefined;
    }
  }

  async get<T>(pathname: string): Promise<T> {
    return this.request<T>('GET', pathname);
  }

  async post<T>(pathname: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', pathname, body);
  }

  private async request<T>(method: string, pathname: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.key ? { authorization: `Bearer ${this.key}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (res.ok) return parsed as T;
    const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (res.status === 401 || res.status === 403) {
      throw new CliError(
        `the hub at ${this.baseUrl} refused the request (${error?.message ?? res.status}); set MDM_API_KEY to an admin key`,
      );
    }
    throw new CliError(error?.message ?? `${method} ${pathname} failed with HTTP ${res.status}`);
  }
}
