import { classifyFailure } from './classify';
import { isRetryableCode, KingdeeErrorCode } from './kingdee-error';
import { statusMessage, type ResponseStatus, type StatusError } from './response-status';

export interface RecordError {
  readonly code: KingdeeErrorCode;
  readonly message: string;
  readonly fieldName: string | undefined;
  readonly msgCode: number;
  readonly retryable: boolean;
}

/** What happened to Model[index]. `exists`: a create not re-sent after session loss because the number is already there. */
export type RecordOutcome =
  | { readonly index: number; readonly number: string | undefined; readonly status: 'saved'; readonly id: string }
  | { readonly index: number; readonly number: string | undefined; readonly status: 'exists'; readonly id: string }
  | { readonly index: number; readonly number: string | undefined; readonly status: 'failed'; readonly error: RecordError };

/**
 * Per-record outcomes of one BatchSave call. `numbers[i]` is Model[i]'s FNumber. DIndex is the
 * position in Model, except with BatchCount, where it restarts in each server sub-batch
 * (docs/kingdee-api.md): then successes are matched by Number and errors by the `[number]` their
 * message quotes, and any error left over is reported on every record without a result.
 */
export function readBatchSaveOutcomes(
  status: ResponseStatus,
  numbers: readonly (string | undefined)[],
  subBatched: boolean,
): RecordOutcome[] {
  const saved = new Map<number, string | undefined>();
  for (const entity of status.successEntities) {
    const index = indexOf(entity.dIndex, entity.number, numbers, subBatched, saved);
    if (index !== undefined) saved.set(index, entity.id);
  }
  const errors = new Map<number, StatusError[]>();
  const unplaced: StatusError[] = [];
  for (const error of status.errors) {
    const index = subBatched ? numbers.findIndex((n) => n !== undefined && error.message.includes(`[${n}]`)) : error.dIndex;
    if (index !== undefined && index >= 0 && index < numbers.length && !saved.has(index))
      errors.set(index, [...(errors.get(index) ?? []), error]);
    else if (!(index !== undefined && saved.has(index))) unplaced.push(error);
  }
  return numbers.map((number, index): RecordOutcome => {
    if (saved.has(index)) {
      const id = saved.get(index);
      if (id !== undefined) return { index, number, status: 'saved', id };
      return failed(
        index,
        number,
        KingdeeErrorCode.noResult,
        'Kingdee reported the record saved without its id; look it up',
        status.msgCode,
      );
    }
    const own = errors.get(index) ?? unplaced;
    if (own.length > 0) {
      const message = [...new Set(own.map((e) => e.message))].join('; ');
      return failed(index, number, classifyFailure(status.msgCode, message), message, status.msgCode, own[0]!.fieldName);
    }
    const why = status.isSuccess
      ? 'Kingdee reported success but returned no result for this record; look it up before resending'
      : `not saved: Kingdee rejected the batch (${statusMessage(status)})`;
    return failed(index, number, KingdeeErrorCode.noResult, why, status.msgCode);
  });
}

function indexOf(
  dIndex: number | undefined,
  number: string | undefined,
  numbers: readonly (string | undefined)[],
  subBatched: boolean,
  taken: Map<number, unknown>,
): number | undefined {
  const byIndex = !subBatched && dIndex !== undefined && dIndex >= 0 && dIndex < numbers.length ? dIndex : undefined;
  if (byIndex !== undefined && (number === undefined || sameNumber(numbers[byIndex], number))) return byIndex;
  if (number === undefined) return byIndex;
  const found = numbers.findIndex((n, i) => !taken.has(i) && sameNumber(n, number));
  return found >= 0 ? found : byIndex;
}

const sameNumber = (a: string | undefined, b: string): boolean => a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

function failed(
  index: number,
  number: string | undefined,
  code: KingdeeErrorCode,
  message: string,
  msgCode: number,
  fieldName?: string,
): RecordOutcome {
  return { index, number, status: 'failed', error: { code, message, fieldName, msgCode, retryable: isRetryableCode(code) } };
}
