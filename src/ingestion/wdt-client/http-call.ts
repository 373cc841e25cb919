import { WdtError, WdtErrorCode, onPage } from './wdt-error';
import { networkReason, urlOrigin } from '../../shared/http/outbound-errors';

export interface HttpReply {
  readonly status: number;
  readonly body: string;
}

export type FetchFn = typeof fetch;

/**
 * One form-encoded POST with a deadline covering the whole exchange (headers and body). Network
 * failures and timeouts become retryable `wdt_unavailable` errors; the URL's origin is named, never
 * the form (it carries the sign).
 */
export async function postForm(
  url: string,
  form: URLSearchParams,
  options: { timeoutMs: number; fetch: FetchFn; page?: number },
): Promise<HttpReply> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
      body: form.toString(),
      signal: controller.signal,
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    if (controller.signal.aborted) {
      throw new WdtError(
        WdtErrorCode.unavailable,
        `WDT at ${urlOrigin(url)} did not answer within ${options.timeoutMs} ms${onPage(options.page)}`,
        { page: options.page },
      );
    }
    throw new WdtError(
      WdtErrorCode.unavailable,
      `could not reach WDT at ${urlOrigin(url)}${onPage(options.page)}: ${networkReason(error)}`,
      { page: options.page },
    );
  } finally {
    clearTimeout(timer);
  }
}
