import { bool, int, isObject, list, prop, text } from './lenient';

/** `Result.ResponseStatus`, normalised (docs/kingdee-api.md). */
export interface ResponseStatus {
  readonly isSuccess: boolean;
  readonly msgCode: number;
  readonly errorCode: number | undefined;
  readonly errors: readonly StatusError[];
  readonly successEntities: readonly SuccessEntity[];
}

export interface StatusError {
  readonly fieldName: string | undefined;
  readonly message: string;
  readonly dIndex: number | undefined;
}

export interface SuccessEntity {
  readonly id: string | undefined;
  readonly number: string | undefined;
  readonly dIndex: number | undefined;
}

/**
 * Finds the ResponseStatus wherever this server put it: `{Result:{ResponseStatus}}` (save family),
 * `[[{Result:{ResponseStatus}}]]` (ExecuteBillQuery errors), a bare `{ResponseStatus}`, or the
 * short `{ErrorCode, Message}` some servers send for unknown forms. Undefined when there is none.
 */
export function findResponseStatus(json: unknown): ResponseStatus | undefined {
  const first = Array.isArray(json) ? (Array.isArray(json[0]) ? json[0][0] : json[0]) : json;
  const result = prop(first, 'Result');
  const raw = prop(result, 'ResponseStatus') ?? prop(first, 'ResponseStatus');
  if (isObject(raw)) return normalise(raw);
  const message = text(prop(first, 'Message'));
  if (isObject(first) && message !== undefined && prop(first, 'ErrorCode') !== undefined) {
    return {
      isSuccess: false,
      msgCode: int(prop(first, 'MsgCode')) ?? 0,
      errorCode: int(prop(first, 'ErrorCode')),
      errors: [{ fieldName: undefined, message, dIndex: undefined }],
      successEntities: [],
    };
  }
  return undefined;
}

function normalise(raw: Record<string, unknown>): ResponseStatus {
  const errors = list(prop(raw, 'Errors')).map((e) => ({
    fieldName: text(prop(e, 'FieldName')) || undefined,
    message: text(prop(e, 'Message')) ?? '',
    dIndex: int(prop(e, 'DIndex')),
  }));
  // The misspelling is Kingdee's; accept the correct spelling too in case a build fixes it.
  const successEntities = list(prop(raw, 'SuccessEntitys') ?? prop(raw, 'SuccessEntities')).map((s) => ({
    id: text(prop(s, 'Id')),
    number: text(prop(s, 'Number')),
    dIndex: int(prop(s, 'DIndex')),
  }));
  const errorCode = int(prop(raw, 'ErrorCode'));
  const isSuccess = bool(prop(raw, 'IsSuccess')) ?? (errors.length === 0 && (errorCode === undefined || errorCode === 0));
  return { isSuccess, msgCode: int(prop(raw, 'MsgCode')) ?? 0, errorCode, errors, successEntities };
}

const SESSION_LOST_TEXT = /会话信息已丢失|session information is lost|context.*lost/i;

/** MsgCode 1 (上下文丢失), or the session-lost text from a server that omits the code. */
export function isSessionLost(status: ResponseStatus): boolean {
  if (status.isSuccess) return false;
  return status.msgCode === 1 || status.errors.some((e) => SESSION_LOST_TEXT.test(e.message));
}

export function statusMessage(status: ResponseStatus): string {
  const messages = [...new Set(status.errors.map((e) => e.message).filter(Boolean))];
  return messages.length > 0 ? messages.join('; ') : `IsSuccess false, MsgCode ${status.msgCode}`;
}
