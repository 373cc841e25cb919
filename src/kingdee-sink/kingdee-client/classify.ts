import { KingdeeError, KingdeeErrorCode } from './kingdee-error';
import { statusMessage, type ResponseStatus } from './response-status';

/** What a failure means, from Kingdee's MsgCode (docs/kingdee-api.md) refined by well-known messages. */
export function classifyFailure(msgCode: number, message: string): KingdeeErrorCode {
  if (/违反字段唯一性要求|已经被使用/.test(message)) return KingdeeErrorCode.duplicateNumber;
  if (/已审核.{0,4}不允许/.test(message)) return KingdeeErrorCode.alreadyAudited;
  if (/没有该功能的操作权限|没有权限/.test(message)) return KingdeeErrorCode.permissionDenied;
  // Operations by number or id (Submit, Audit, ExcuteOperation) name a missing record this way, under MsgCode 11 when others failed too.
  if (/单据不存在或者已被删除/.test(message)) return KingdeeErrorCode.notFound;
  switch (msgCode) {
    case 1:
      return KingdeeErrorCode.sessionLost;
    case 2:
    case 7:
    case 15:
      return KingdeeErrorCode.permissionDenied;
    case 6:
    case 13:
    case 14:
      return KingdeeErrorCode.busy;
    case 9:
      return KingdeeErrorCode.unknownField;
    case 10:
      return KingdeeErrorCode.notFound;
    case 11:
      return KingdeeErrorCode.validation;
    default:
      return KingdeeErrorCode.rejected;
  }
}

/** MsgCodes whose Errors describe individual Model records rather than the whole call. */
const PER_RECORD_MSG_CODES: ReadonlySet<number> = new Set([0, 9, 10, 11, 12]);

export function isPerRecordFailure(status: ResponseStatus): boolean {
  return (
    status.successEntities.length > 0 || (PER_RECORD_MSG_CODES.has(status.msgCode) && status.errors.some((e) => e.dIndex !== undefined))
  );
}

export function statusError(status: ResponseStatus, service: string): KingdeeError {
  const message = statusMessage(status);
  return new KingdeeError(classifyFailure(status.msgCode, message), `Kingdee ${service} failed (MsgCode ${status.msgCode}): ${message}`, {
    service,
    msgCode: status.msgCode,
  });
}
