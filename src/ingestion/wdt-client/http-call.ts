import { WdtError, WdtErrorCode, onPage } from './wdt-error';

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
export async function postForm(url: string, form: URLSearchParams, options: { timeoutMs: number; fetch: FetchFn; page?: number }): Promise<HttpReply> {
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
      throw new WdtError(WdtErrorCode.unavailable, `WDT at ${origin(url)} did not answer within ${options.timeoutMs} ms${onPage(options.page)}`, { page: options.page });
    }
    throw new WdtError(WdtErrorCode.unavailable, `could not reach WDT at ${origin(url)}${onPage(options.page)}: ${networkReason(error)}`, { page: options.page });
  } finally {
    clearTimeout(timer);
  }
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured URL';
  }
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
