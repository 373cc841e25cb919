import { classifyFailure } from './classify';
import { isRetryableCode, KingdeeErrorCode } from './kingdee-error';
import type { RecordError } from './batch-save-result';
import { statusMessage, type ResponseStatus } from './response-status';

/** The base-data switches the sink uses (standard BOS operation codes): 禁用 and 反禁用. */
export type SwitchOperation = 'Forbid' | 'Enable';

/** Whom an operation applies to: internal ids (FStockId) or numbers, one of them. */
export type OperationTargets = { readonly ids: readonly string[] } | { readonly numbers: readonly string[] };

/**
 * What happened to targets[index]. `unchanged`: Kingdee says the record already is in that state
 * (forbidding a forbidden record is an error per record on a real server), which is what we wanted.
 */
export type OperationRecordOutcome =
  | { readonly index: number; readonly target: string; readonly status: 'done'; readonly id: string | undefined }
  | { readonly index: number; readonly target: string; readonly status: 'unchanged'; readonly message: string }
  | { readonly index: number; readonly target: string; readonly status: 'failed'; readonly error: RecordError };

/** `[formid, opNumber, data]` as named parameters; data has the Submit/Audit shape (docs/kingdee-api.md 通用操作). */
export function operationBody(formId: string, opNumber: SwitchOperation, targets: OperationTargets): object {
  const data =
    'ids' in targets
      ? { CreateOrgId: 0, Numbers: [], Ids: targets.ids.join(','), PkEntryIds: [] }
      : { CreateOrgId: 0, Numbers: [...targets.numbers], Ids: '', PkEntryIds: [] };
  return { formid: formId, opNumber, data };
}

const ALREADY: Record<SwitchOperation, RegExp> = {
  Forbid: /已经?是?禁用|已被禁用|已禁用|already forbidden/i,
  Enable: /未禁用|已经?是?启用|已启用|not forbidden|already enabled/i,
};

/**
 * Per-target outcomes of one ExcuteOperation answer. DIndex is the position in Ids/Numbers; a
 * success without DIndex is matched by its Id or Number; errors without a place apply to every
 * target that has no result.
 */
export function readOperationOutcomes(
  status: ResponseStatus,
  targets: readonly string[],
  opNumber: SwitchOperation,
): OperationRecordOutcome[] {
  const done = new Map<number, string | undefined>();
  for (const s of status.successEntities) {
    const index = placed(s.dIndex, targets) ?? targets.findIndex((t) => same(t, s.id) || same(t, s.number));
    if (index >= 0) done.set(index, s.id);
  }
  const errors = new Map<number, string[]>();
  const unplaced: string[] = [];
  for (const e of status.errors) {
    const index = placed(e.dIndex, targets);
    if (index === undefined) unplaced.push(e.message);
    else errors.set(index, [...(errors.get(index) ?? []), e.message]);
  }
  return targets.map((target, index): OperationRecordOutcome => {
    if (done.has(index)) return { index, target, status: 'done', id: done.get(index) };
    const messages = errors.get(index) ?? unplaced;
    const message = messages.length > 0 ? [...new Set(messages)].join('; ') : `no result for ${target} (${statusMessage(status)})`;
    if (ALREADY[opNumber].test(message)) return { index, target, status: 'unchanged', message };
    const code = messages.length > 0 ? classifyFailure(status.msgCode, message) : KingdeeErrorCode.noResult;
    const error = { code, message, fieldName: undefined, msgCode: status.msgCode, retryable: isRetryableCode(code) };
    return { index, target, status: 'failed', error };
  });
}

const placed = (dIndex: number | undefined, targets: readonly string[]): number | undefined =>
  dIndex !== undefined && dIndex >= 0 && dIndex < targets.length ? dIndex : undefined;
const same = (a: string, b: string | undefined): boolean => b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
