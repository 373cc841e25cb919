import { WdtError, WdtErrorCode, onPage } from './wdt-error';

/** A business failure as the envelope reported it (企业版 `code`/`message`, Qimen `errorcode` or gateway `code`/`sub_code`). */
export interface WdtFailure {
  readonly code: string;
  readonly message: string;
  readonly subCode?: string;
  readonly subMessage?: string;
}

// WDT documents no error-code table (docs/wdt-api.md), so the kind is read from the codes clients are
// known to see and from the wording. Rate limit is checked first: its texts also mention "调用".
const RATE_CODES = ['1012', '7'];
const RATE_TEXT = /频繁|频率|超限|最大调用|最大并发|rate.?limit|too many|call.?limited|flow.?control|accesscontrol/i;
const TIMESTAMP_TEXT = /时间戳|timestamp|时间差|时间误差|clock/i;
const CREDENTIAL_CODES = ['2030', '2060', '2100', '25', '26', '27', '28', '29', 'sign-check-failure'];
const CREDENTIAL_TEXT =
  /签名|sign|app.?key|app.?secret|验证失败|鉴权|认证|授权|权限|illegal request|unauthori|forbidden|卖家账号|接口账号|invalid.*(sid|key|session)/i;

export function classifyFailure(failure: WdtFailure, page: number | undefined, credentialHint: string): WdtError {
  const codes = [failure.code, failure.subCode ?? ''];
  const text = [failure.message, failure.subCode, failure.subMessage].filter(Boolean).join(' ');
  const said = describe(failure);
  const info = { page, wdtCode: failure.subCode ? `${failure.code}/${failure.subCode}` : failure.code };
  if (codes.some((c) => RATE_CODES.includes(c)) || RATE_TEXT.test(text)) {
    return new WdtError(WdtErrorCode.rateLimited, `WDT rate limit hit${onPage(page)} (${said})`, info);
  }
  if (TIMESTAMP_TEXT.test(text)) {
    return new WdtError(
      WdtErrorCode.timestampSkew,
      `WDT rejected the request timestamp${onPage(page)} (${said}): check this machine's clock`,
      info,
    );
  }
  if (codes.some((c) => CREDENTIAL_CODES.includes(c)) || CREDENTIAL_TEXT.test(text)) {
    return new WdtError(
      WdtErrorCode.credentials,
      `WDT rejected the credentials or signature${onPage(page)} (${said}): check ${credentialHint}`,
      info,
    );
  }
  return new WdtError(WdtErrorCode.rejected, `WDT refused the request${onPage(page)} (${said})`, info);
}

function describe(failure: WdtFailure): string {
  const parts = [`code ${failure.code}`];
  if (failure.message) parts.push(failure.message);
  if (failure.subCode) parts.push(failure.subCode);
  if (failure.subMessage) parts.push(failure.subMessage);
  return truncate(parts.join(': '), 200);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
