import { KingdeeError, KingdeeErrorCode } from './kingdee-error';
import { networkReason, urlOrigin } from '../../shared/http/outbound-errors';

export type FetchFn = typeof fetch;

export interface HttpReply {
  readonly status: number;
  readonly body: string;
  /** `Set-Cookie` values as sent (one per header). */
  readonly setCookies: readonly string[];
}

export interface PostOptions {
  readonly timeoutMs: number;
  readonly fetch: FetchFn;
  readonly headers: Readonly<Record<string, string>>;
  readonly service: string;
  /** Writes say so: a timeout then leaves the outcome unknown. */
  readonly write: boolean;
}

/**
 * One JSON POST with a deadline covering the whole exchange. Network failures and timeouts become
 * retryable errors that name the service and the server's origin, never the body (it may carry a password).
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<HttpReply> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const info = { service: options.service, ...(options.write ? { writeOutcomeUnknown: true } : {}) };
  try {
    const response = await options.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=utf-8', accept: 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const text = await response.text();
    return { status: response.status, body: text, setCookies: response.headers.getSetCookie?.() ?? [] };
  } catch (error) {
    if (controller.signal.aborted) {
      throw new KingdeeError(
        KingdeeErrorCode.timeout,
        `Kingdee ${options.service} at ${urlOrigin(url)} did not answer within ${options.timeoutMs} ms`,
        info,
      );
    }
    throw new KingdeeError(
      KingdeeErrorCode.unavailable,
      `could not reach Kingdee at ${urlOrigin(url)} (${options.service}): ${networkReason(error)}`,
      info,
    );
  } finally {
    clearTimeout(timer);
  }
}
