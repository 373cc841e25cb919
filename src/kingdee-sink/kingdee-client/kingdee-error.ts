import { SecretScrubber } from '../../shared/secrets/secret-scrubber';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';

/** Stable codes for everything that can go wrong talking to Kingdee (stored on sync failures, shown to stewards). */
export const KingdeeErrorCode = {
  /** Network failure: refused, reset, DNS. Retryable. A write's outcome is unknown: look up before resending. */
  unavailable: 'kingdee_unavailable',
  /** No complete answer within the timeout. Retryable; a write's outcome is unknown. */
  timeout: 'kingdee_timeout',
  /** HTTP 5xx / 429. Retryable. */
  serverError: 'kingdee_server_error',
  /** A `response_error:` body: an unhandled exception on the server. Retryable (usually transient). */
  serverException: 'kingdee_server_exception',
  /** Other HTTP statuses (404 for a wrong base URL, 401/403 from a gateway). Permanent. */
  http: 'kingdee_http_error',
  /** The body is not the JSON the service promises. Permanent. */
  malformedResponse: 'kingdee_malformed_response',
  /** Wrong data centre, user, password or app secret, locked user, or no session id returned. Permanent. */
  loginFailed: 'kingdee_login_failed',
  /** MsgCode 1 again right after a fresh login: the server will not accept us (signature mode: bad credentials). Permanent. */
  sessionLost: 'kingdee_session_lost',
  /** MsgCode 2 没有权限 / 7 许可错误 / 15 禁止管理员登录. Permanent. */
  permissionDenied: 'kingdee_permission_denied',
  /** MsgCode 11 验证失败 (required field, bad value, …). Permanent. */
  validation: 'kingdee_validation_failed',
  /** MsgCode 11 with 违反字段唯一性要求: the number is already used. Permanent. */
  duplicateNumber: 'kingdee_duplicate_number',
  /** 单据已审核，不允许修改: the record must be un-audited first. Permanent. */
  alreadyAudited: 'kingdee_already_audited',
  /** MsgCode 9 指定字段/值不存在: a field the form does not have (fix the scheme). Permanent. */
  unknownField: 'kingdee_unknown_field',
  /** MsgCode 10 未找到对应数据: e.g. an FStockId that no longer exists. Permanent. */
  notFound: 'kingdee_not_found',
  /** MsgCode 3/4/5/8/12: bad request, unknown form, bad filter, not operable. Permanent. */
  rejected: 'kingdee_request_rejected',
  /** MsgCode 6 数据库操作失败 / 13 网控冲突 / 14 调用限制. Retryable. */
  busy: 'kingdee_busy',
  /** BatchSave returned no result for a record. Retryable after a lookup. */
  noResult: 'kingdee_no_result',
} as const;
export type KingdeeErrorCode = (typeof KingdeeErrorCode)[keyof typeof KingdeeErrorCode];

const RETRYABLE: ReadonlySet<KingdeeErrorCode> = new Set([
  KingdeeErrorCode.unavailable,
  KingdeeErrorCode.timeout,
  KingdeeErrorCode.serverError,
  KingdeeErrorCode.serverException,
  KingdeeErrorCode.busy,
  KingdeeErrorCode.noResult,
]);

export const isRetryableCode = (code: KingdeeErrorCode): boolean => RETRYABLE.has(code);

export interface KingdeeErrorInfo {
  readonly service?: string;
  readonly httpStatus?: number;
  readonly msgCode?: number;
  /** True when a write may or may not have been applied (timeout, dropped connection). */
  readonly writeOutcomeUnknown?: boolean;
}

/** A whole-call failure. The message is one line and never contains a password or app secret. */
export class KingdeeError extends DomainError {
  constructor(
    readonly reason: KingdeeErrorCode,
    message: string,
    readonly info: KingdeeErrorInfo = {},
  ) {
    super(ErrorCode.upstream, oneLine(message), { reason, ...info });
    this.name = 'KingdeeError';
  }

  get retryable(): boolean {
    return isRetryableCode(this.reason);
  }
}

/** The same error with every secret removed from its message (the one scrubber; see SecretScrubber). */
export function scrubError(error: KingdeeError, scrubber: SecretScrubber): KingdeeError {
  return scrubber.scrubError(error, (message) => new KingdeeError(error.reason, message, error.info));
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
