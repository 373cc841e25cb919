import { readBatchSaveOutcomes, type RecordOutcome } from './batch-save-result';
import type { ExistingKingdeeStock } from './find-stocks';
import { KingdeeError, KingdeeErrorCode } from './kingdee-error';
import { int, prop, text } from './lenient';
import type { SessionTicket } from './login';
import type { ResponseStatus } from './response-status';

/** A BatchSave body (named-parameter shape). Model entries are Kingdee field → value objects. */
export interface BatchSaveRequest {
  readonly formid: string;
  readonly data: { readonly Model: readonly object[]; readonly BatchCount?: number };
}

export interface BatchSaveOutcome {
  /** records[i] is what happened to Model[i]. */
  readonly records: readonly RecordOutcome[];
  /** The session was lost and renewed during this call (records may then be `exists`). */
  readonly sessionRenewed: boolean;
}

export type SendResult =
  { readonly kind: 'answered'; readonly status: ResponseStatus } | { readonly kind: 'session-lost'; readonly ticket: SessionTicket };

export interface SaveChannel {
  send(request: BatchSaveRequest): Promise<SendResult>;
  renew(stale: SessionTicket): Promise<void>;
  findStocks(numbers: readonly string[], useOrg: string | undefined): Promise<Map<string, ExistingKingdeeStock>>;
}

/**
 * BatchSave that survives session loss without ever replaying a write blindly (docs/kingdee-api.md):
 * log in again, look up which of the batch's creates now exist (a concurrent writer, or an earlier
 * attempt whose answer was lost), report those as `exists`, and send only the rest. Updates go
 * again: they carry their FStockId and the same values, so repeating one is harmless.
 */
export async function batchSaveWithRecovery(channel: SaveChannel, request: BatchSaveRequest): Promise<BatchSaveOutcome> {
  const first = await channel.send(request);
  if (first.kind === 'answered') return { records: outcomes(first.status, request), sessionRenewed: false };
  if (request.formid.toUpperCase() !== 'BD_STOCK') {
    throw new KingdeeError(
      KingdeeErrorCode.sessionLost,
      `session lost during BatchSave of ${request.formid}; not re-sent (recovery looks records up in BD_STOCK only)`,
      { service: 'BatchSave', msgCode: 1 },
    );
  }
  await channel.renew(first.ticket);
  const existing = await existingCreates(channel, request.data.Model);
  const resendIndexes = request.data.Model.map((_, i) => i).filter((i) => !existing.has(i));
  const records: RecordOutcome[] = [...existing].map(([index, stock]) => ({
    index,
    number: numberOf(request.data.Model[index]),
    status: 'exists',
    id: stock.fStockId,
  }));
  if (resendIndexes.length > 0) {
    const resend = { ...request, data: { ...request.data, Model: resendIndexes.map((i) => request.data.Model[i]!) } };
    const second = await channel.send(resend);
    if (second.kind === 'session-lost') {
      throw new KingdeeError(
        KingdeeErrorCode.sessionLost,
        'Kingdee reported the session lost again right after a successful login; check the user’s third-party login authorisation',
        { service: 'BatchSave', msgCode: 1 },
      );
    }
    records.push(...outcomes(second.status, resend).map((o) => ({ ...o, index: resendIndexes[o.index]! })));
  }
  return { records: records.sort((a, b) => a.index - b.index), sessionRenewed: true };
}

function outcomes(status: ResponseStatus, request: BatchSaveRequest): RecordOutcome[] {
  const subBatched = (int(request.data.BatchCount) ?? 0) > 0;
  return readBatchSaveOutcomes(status, request.data.Model.map(numberOf), subBatched);
}

/** Model indexes of creates (no id) whose number already exists in their use-org. */
async function existingCreates(channel: SaveChannel, model: readonly object[]): Promise<Map<number, ExistingKingdeeStock>> {
  const byOrg = new Map<string | undefined, number[]>();
  model.forEach((entry, i) => {
    if ((int(prop(entry, 'FStockId')) ?? 0) > 0 || numberOf(entry) === undefined) return;
    const org = text(prop(prop(entry, 'FUseOrgId'), 'FNumber'));
    byOrg.set(org, [...(byOrg.get(org) ?? []), i]);
  });
  const found = new Map<number, ExistingKingdeeStock>();
  for (const [org, indexes] of byOrg) {
    const stocks = await channel.findStocks(
      indexes.map((i) => numberOf(model[i])!),
      org,
    );
    for (const i of indexes) {
      const stock = stocks.get(numberOf(model[i])!);
      if (stock) found.set(i, stock);
    }
  }
  return found;
}

const numberOf = (entry: object | undefined): string | undefined => text(prop(entry, 'FNumber'));
