import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { matchKeys, type MatchKey } from '../schemes/match-keys';
import type { ExistingStock } from '../schemes/render-batch-save';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import type { KingdeeClient } from './kingdee-client';
import type { KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';

/** What the sink needs from Kingdee (the real client, or a stand-in in unit tests). */
export type SinkKingdee = Pick<KingdeeClient, 'findStocks' | 'batchSave' | 'executeOperation'>;

export interface ExistingStocksOptions {
  /** Recorded FStockIds proved gone from Kingdee (`未找到`): those records are looked up by number again. */
  readonly staleIds: ReadonlySet<string>;
  /**
   * Look up every record by number, even one whose FStockId the hub has recorded: set when this batch
   * (or this record) has failed before, so an attempt whose outcome is unknown is settled by Kingdee itself.
   */
  readonly lookUpRecorded: boolean;
}

/**
 * Kingdee ids of the records that already exist, by golden id. A record with no recorded FStockId is
 * always asked for by number (one `FNumber in (…)` query per use-org and chunk): an earlier attempt may
 * have created it and lost Kingdee's answer (or crashed before recording it), and only this look-up
 * turns the repeat into an update instead of a duplicate. That is what makes at-least-once delivery
 * exactly-once in effect. A record whose FStockId the hub recorded needs no call: repeating an update
 * by id is harmless, and an id that proves gone comes back as stale and is looked up next round.
 * On a redelivery (`lookUpRecorded`) every record is looked up and what Kingdee has wins.
 */
export async function existingStocks(
  kingdee: SinkKingdee,
  scheme: IntegrationScheme,
  messages: readonly GoldenRecordChangedV1[],
  recorded: ReadonlyMap<string, KingdeeSyncState>,
  options: ExistingStocksOptions,
): Promise<Map<string, ExistingStock>> {
  const known = new Map<string, string>();
  for (const { goldenId } of messages) {
    const id = recorded.get(goldenId)?.fStockId;
    if (id && !options.staleIds.has(goldenId)) known.set(goldenId, id);
  }
  const ask = options.lookUpRecorded ? messages : messages.filter((m) => !known.has(m.goldenId));
  const found = new Map<string, ExistingStock>();
  for (const [useOrg, keys] of byUseOrg(matchKeys(scheme, ask))) {
    const stocks = await kingdee.findStocks(
      keys.map((k) => k.fNumber),
      useOrg,
    );
    for (const key of keys) {
      const hit = stocks.get(key.fNumber);
      if (hit) found.set(key.goldenId, { fStockId: hit.fStockId });
    }
  }
  // Also the fallback for a record whose number someone changed in Kingdee.
  for (const [goldenId, fStockId] of known) if (!found.has(goldenId)) found.set(goldenId, { fStockId });
  return found;
}

function byUseOrg(keys: readonly MatchKey[]): Map<string | undefined, MatchKey[]> {
  const groups = new Map<string | undefined, MatchKey[]>();
  for (const key of keys) groups.set(key.useOrg, [...(groups.get(key.useOrg) ?? []), key]);
  return groups;
}
