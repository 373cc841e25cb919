/** Kingdee's reply shapes, with the exact casing and quirks of real servers (docs/kingdee-api.md). */
export interface SimError {
  readonly FieldName: string | null;
  readonly Message: string;
  readonly DIndex: number;
}

export interface SimSuccess {
  readonly Id: number;
  readonly Number: string;
  readonly DIndex: number;
}

export interface ResponseStatusJson {
  readonly ErrorCode?: number;
  readonly IsSuccess: boolean;
  readonly Errors: readonly SimError[];
  readonly SuccessEntitys: readonly SimSuccess[];
  readonly SuccessMessages: readonly unknown[];
  readonly MsgCode: number;
}

/** IsSuccess is false if any record failed; ErrorCode 500 appears only then (real successes omit it). */
export function responseStatus(errors: readonly SimError[], successes: readonly SimSuccess[], msgCode: number): ResponseStatusJson {
  const failed = errors.length > 0;
  return {
    ...(failed ? { ErrorCode: 500 } : {}),
    IsSuccess: !failed,
    Errors: errors,
    SuccessEntitys: successes,
    SuccessMessages: [],
    MsgCode: failed ? msgCode : 0,
  };
}

/** A whole-call failure: `{"Result":{"ResponseStatus":…}}`. */
export function failure(
  msgCode: number,
  message: string,
  fieldName: string | null = null,
): { Result: { ResponseStatus: ResponseStatusJson } } {
  return { Result: { ResponseStatus: responseStatus([{ FieldName: fieldName, Message: message, DIndex: 0 }], [], msgCode) } };
}

export const SESSION_LOST_MESSAGE = '会话信息已丢失，请重新登录';

export function sessionLost(): { Result: { ResponseStatus: ResponseStatusJson } } {
  return failure(1, SESSION_LOST_MESSAGE);
}

/** ExecuteBillQuery wraps any failure as `[[{"Result":…}]]`. */
export const asQueryError = (reply: unknown): unknown => [[reply]];

export const duplicateNumberMessage = (number: string): string => `违反字段唯一性要求：编码唯一。[${number}]在当前系统中已经被使用。`;
export const requiredFieldMessage = (label: string): string => `字段[${label}]是必录字段`;
export const unknownFieldMessage = (key: string): string => `元数据中标识为 ${key} 的字段不存在`;
export const unknownFormMessage = (formId: string): string => `标识为“${formId}”的业务对象不存在，或者被删除`;
export const emptyParameterMessage = (name: string): string => `data 数据包中的参数 ${name} 的值不能为空`;

/** A `response_error:` body: a serialised .NET exception (docs/kingdee-api.md). */
export function exceptionBody(message: string): string {
  return `response_error:${JSON.stringify({
    Message: message,
    ClassName: 'System.Exception',
    StackTraceString: '   at Kingdee.BOS.WebApi.ServicesStub.DynamicFormService (simulated)',
    InnerExWrapper: null,
    _httpCode: 500,
  })}`;
}
