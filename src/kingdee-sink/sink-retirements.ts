import { matchKeys } from '../schemes/match-keys';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import type { ExistingKingdeeStock, OperationRecordOutcome, SwitchOperation } from './kingdee-client';
import { KingdeeErrorCode } from './kingdee-client';
import type { SinkKingdee } from './existing-stocks';
import type { KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';
import type { SinkMessage } from './sink-messages';
import type { SinkFailure } from './sink-writer';

export interface SwitchOptions {
  readonly kingdee: SinkKingdee;
  readonly scheme: IntegrationScheme;
  /** Heartbeats and throws when the partition moved away or the scheme was switched off. */
  readonly beforeWrite: () => Promise<void>;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
}

/** The BD_STOCK a record has in Kingdee, and whether it is forbidden already (as far as the look-up said). */
export interface StockOfRecord {
  readonly sink: SinkMessage;
  readonly fStockId: string;
  readonly fNumber: string;
  readonly forbidden: boolean | undefined;
}

export interface SwitchResult {
  /** Records whose BD_STOCK is now in the wanted state (switched, or found so). */
  readonly done: readonly StockOfRecord[];
  /** Records with no BD_STOCK in Kingdee. */
  readonly absent: readonly SinkMessage[];
  readonly failed: readonly SinkFailure[];
}

/**
 * Forbids or enables the BD_STOCK of records with ExcuteOperation, by FStockId. Each round looks the
 * records up by number first (like the writer, so a repeat after a lost answer does no harm); the
 * recorded FStockId is the fallback for a number changed in Kingdee. A record already in the wanted
 * state needs no call. Kingdee's "not found" means there is nothing to switch; retryable record
 * failures go round again up to `maxAttempts`; whole-call failures throw (the batch is redelivered).
 */
export async function switchStocks(
  operation: SwitchOperation,
  todo: readonly SinkMessage[],
  recorded: ReadonlyMap<string, KingdeeSyncState>,
  options: SwitchOptions,
): Promise<SwitchResult> {
  const done: StockOfRecord[] = [];
  const absent: SinkMessage[] = [];
  const failed: SinkFailure[] = [];
  let pending = todo;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const stocks = await stocksOf(pending, recorded, options);
    absent.push(...pending.filter((m) => !stocks.has(m.message.goldenId)));
    const wanted = operation === 'Forbid';
    const already = [...stocks.values()].filter((s) => s.forbidden === wanted);
    const targets = [...stocks.values()].filter((s) => s.forbidden !== wanted);
    done.push(...already);
    const retry: StockOfRecord[] = [];
    if (targets.length > 0) {
      await options.beforeWrite();
      const outcomes = await options.kingdee.executeOperation(options.scheme.target.formId, operation, {
        ids: targets.map((t) => t.fStockId),
      });
      targets.forEach((target, i) =>
        sort(
          target,
          outcomes.find((o) => o.index === i),
          { done, absent, failed, retry },
          operation,
        ),
      );
    }
    const last = attempt >= options.maxAttempts;
    if (last) failed.push(...retry.map((r) => failure(r, 'still failing', `after ${attempt} attempts`)));
    pending = last ? [] : retry.map((r) => r.sink);
    if (pending.length > 0) await new Promise((r) => setTimeout(r, options.retryDelayMs * attempt));
  }
  return { done, absent, failed };
}

type Sorted = { done: StockOfRecord[]; absent: SinkMessage[]; failed: SinkFailure[]; retry: StockOfRecord[] };

function sort(target: StockOfRecord, outcome: OperationRecordOutcome | undefined, into: Sorted, operation: SwitchOperation): void {
  if (!outcome) return void into.retry.push(target);
  if (outcome.status !== 'failed') return void into.done.push(target);
  const { code, message, retryable } = outcome.error;
  if (code === KingdeeErrorCode.notFound) into.absent.push(target.sink);
  else if (retryable) into.retry.push(target);
  else into.failed.push({ sink: target.sink, code, message: `${operation} ${target.fNumber}: ${message}` });
}

const failure = (r: StockOfRecord, what: string, why: string): SinkFailure => ({
  sink: r.sink,
  code: KingdeeErrorCode.noResult,
  message: `${r.fNumber}: ${what} ${why}`,
});

/** Each record's BD_STOCK: found by its rendered number and use-org, else the FStockId recorded for it. */
async function stocksOf(
  messages: readonly SinkMessage[],
  recorded: ReadonlyMap<string, KingdeeSyncState>,
  options: SwitchOptions,
): Promise<Map<string, StockOfRecord>> {
  const keys = matchKeys(
    options.scheme,
    messages.map((m) => m.message),
  );
  const found = new Map<string, ExistingKingdeeStock>();
  for (const org of new Set(keys.map((k) => k.useOrg))) {
    const ofOrg = keys.filter((k) => k.useOrg === org);
    const stocks = await options.kingdee.findStocks(
      ofOrg.map((k) => k.fNumber),
      org,
    );
    for (const key of ofOrg) {
      const hit = stocks.get(key.fNumber);
      if (hit) found.set(key.goldenId, hit);
    }
  }
  const result = new Map<string, StockOfRecord>();
  for (const sink of messages) {
    const id = sink.message.goldenId;
    const hit = found.get(id);
    const state = recorded.get(id);
    if (hit) result.set(id, { sink, fStockId: hit.fStockId, fNumber: hit.number, forbidden: hit.forbidden });
    else if (state?.fStockId) result.set(id, { sink, fStockId: state.fStockId, fNumber: state.fNumber ?? '', forbidden: undefined });
  }
  return result;
}
