import { SecretScrubber } from '../../shared/secrets/secret-scrubber';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';

/** Stable codes for everything that can go wrong talking to WDT (logged, stored on sync runs, shown by the CLI). */
export const WdtErrorCode = {
  /** Bad sid / appkey / appsecret / Qimen key or secret, or a signature WDT would not accept. */
  credentials: 'wdt_credentials_rejected',
  /** Our clock and WDT's disagree by more than the allowed window (±5 min 企业版, ±10 min Qimen). */
  timestampSkew: 'wdt_timestamp_skew',
  /** WDT's call quota (about 60 calls a minute) is used up; retried after a pause. */
  rateLimited: 'wdt_rate_limited',
  /** HTTP 5xx, a timeout or a network failure; retried with backoff. */
  unavailable: 'wdt_unavailable',
  /** The body is not JSON, or not the envelope the variant promises. */
  malformedResponse: 'wdt_malformed_response',
  /** One row of a page could not be decoded (no warehouse_no, not an object). */
  invalidRow: 'wdt_invalid_row',
  /** Any other business error WDT reported (`code` / `errorcode` ≠ 0). */
  rejected: 'wdt_request_rejected',
  /** An HTTP status that is neither success nor worth retrying (404 for a wrong base URL, …). */
  http: 'wdt_http_error',
} as const;
export type WdtErrorCode = (typeof WdtErrorCode)[keyof typeof WdtErrorCode];

const RETRYABLE: readonly WdtErrorCode[] = [WdtErrorCode.rateLimited, WdtErrorCode.unavailable];

export interface WdtErrorDetails {
  readonly page?: number;
  /** WDT's own code (`code`, `errorcode` or the Qimen gateway's `code`/`sub_code`). */
  readonly wdtCode?: string;
  readonly httpStatus?: number;
}

/**
 * A failure talking to WDT, with a one-line message that names the page when there is one. The
 * REST filter sees an `upstream_error`; `reason` tells callers which kind of failure it was.
 */
export class WdtError extends DomainError {
  constructor(
    readonly reason: WdtErrorCode,
    message: string,
    readonly info: WdtErrorDetails = {},
  ) {
    super(ErrorCode.upstream, oneLine(message), { reason, ...info });
    this.name = 'WdtError';
  }

  get retryable(): boolean {
    return RETRYABLE.includes(this.reason);
  }
}

export function onPage(page: number | undefined): string {
  return page === undefined ? '' : ` on page ${page}`;
}

/** Same error, secrets removed from its message (the one scrubber; see SecretScrubber). */
export function scrubError(error: WdtError, scrubber: SecretScrubber): WdtError {
  return scrubber.scrubError(error, (message) => new WdtError(error.reason, message, error.info));
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
