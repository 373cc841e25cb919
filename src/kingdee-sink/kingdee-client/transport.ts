import { decodeReply } from './decode-reply';
import { postJson, type FetchFn } from './http-post';

export interface TransportOptions {
  /** Up to and including `/k3cloud/` (a missing trailing slash is added). */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly fetch: FetchFn;
}

export interface TransportReply {
  readonly json: unknown;
  readonly setCookies: readonly string[];
}

/**
 * Posts to `{baseUrl}{service}.common.kdsvc` (docs/kingdee-api.md) and decodes the answer. Errors may
 * quote the server, so the client scrubs secrets from them; this class never sees the credentials.
 */
export class KingdeeTransport {
  private readonly baseUrl: string;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  }

  async post(service: string, body: unknown, headers: Record<string, string>, write: boolean): Promise<TransportReply> {
    const name = service.slice(service.lastIndexOf('.') + 1);
    const reply = await postJson(`${this.baseUrl}${service}.common.kdsvc`, body, {
      timeoutMs: this.options.timeoutMs,
      fetch: this.options.fetch,
      headers,
      service: name,
      write,
    });
    return { json: decodeReply(reply, name), setCookies: reply.setCookies };
  }
}
