/** A reply code and text. WDT documents none of its error codes (docs/wdt-api.md), so all are configurable. */
export interface SimErrorReply {
  readonly code: number | string;
  readonly message: string;
}

/** 企业版 business errors, also used inside Qimen's `response` for errors WDT itself raises. */
export interface SimErrorReplies {
  readonly signature: SimErrorReply;
  /** Unknown sid or appkey. */
  readonly credentials: SimErrorReply;
  readonly timestamp: SimErrorReply;
  readonly rateLimit: SimErrorReply;
  /** A missing or invalid param; the message is replaced by one naming the param. */
  readonly invalidParam: SimErrorReply;
}

export const DEFAULT_ERROR_REPLIES: SimErrorReplies = {
  signature: { code: 2030, message: '签名错误' },
  credentials: { code: 2060, message: '卖家账号或接口账号无效' },
  timestamp: { code: 2040, message: '时间戳超出允许范围' },
  // The code and text one client is known to expect (docs/wdt-api.md).
  rateLimit: { code: 1012, message: '系统调用频繁，旺店通1分钟最多60次' },
  invalidParam: { code: 100, message: '参数错误' },
};

/**
 * Either WDT's own error (企业版 `{code,message}`, Qimen `{"response":{"errorcode",…}}`) or a Qimen
 * gateway rejection (`{"response":{"flag":"failure","code",…}}`, the shape the spec suggests in ).
 */
export type SimError =
  | { readonly by: 'wdt'; readonly reply: SimErrorReply }
  | { readonly by: 'gateway'; readonly code: string; readonly message: string; readonly subCode: string; readonly subMessage: string };

export const wdtError = (reply: SimErrorReply, message = reply.message): SimError => ({ by: 'wdt', reply: { code: reply.code, message } });

// TOP's public error codes (21/22 method, 25 signature, 29 app key, 31 timestamp, 40/41 arguments).
export const gatewayError = {
  missing: (param: string): SimError => ({
    by: 'gateway',
    code: '40',
    message: 'Missing required arguments',
    subCode: 'isv.missing-parameter',
    subMessage: `Missing required arguments:${param}`,
  }),
  method: (method: string): SimError => ({
    by: 'gateway',
    code: '22',
    message: 'Invalid method',
    subCode: 'isv.invalid-method',
    subMessage: `Invalid method:${method}`,
  }),
  appKey: (): SimError => ({
    by: 'gateway',
    code: '29',
    message: 'Invalid app Key',
    subCode: 'isv.appkey-not-exists',
    subMessage: 'Invalid app key',
  }),
  targetAppKey: (): SimError => ({
    by: 'gateway',
    code: '41',
    message: 'Invalid arguments',
    subCode: 'isv.invalid-target-app-key',
    subMessage: 'Invalid target_app_key: the app is not authorised',
  }),
  signMethod: (): SimError => ({
    by: 'gateway',
    code: '41',
    message: 'Invalid arguments',
    subCode: 'isv.invalid-sign-method',
    subMessage: 'sign_method must be md5, hmac or hmac-sha256',
  }),
  timestamp: (): SimError => ({
    by: 'gateway',
    code: '31',
    message: 'Invalid timestamp',
    subCode: 'isv.invalid-timestamp',
    subMessage: 'Invalid timestamp: more than 10 minutes from the server time',
  }),
  signature: (): SimError => ({
    by: 'gateway',
    code: 'sign-check-failure',
    message: 'Illegal request',
    subCode: 'isv.invalid-signature',
    subMessage: 'Invalid signature',
  }),
};
