import type { GoldenRecordChangedV1 } from '../publishing/golden-record-changed.v1';
import { matchKeys, type MatchKey } from '../schemes/match-keys';
import type { ExistingStock } from '../schemes/render-batch-save';
import type { IntegrationScheme } from '../schemes/scheme';
import type { KingdeeClient } from './kingdee-client';
import type { KingdeeSyncState } from './kingdee-sync-result-recorder.port';

/** What the sink needs from Kingdee (the real client, or a stand-in in unit tests). */
export type SinkKingdee = Pick<KingdeeClient, 'findStocks' | 'batchSave' | 'executeOperation'>;

/**
 * Kingdee ids of the records that already exist, by golden id. Asked by number on every attempt:
 * an earlier attempt may have saved records and then lost Kingdee's answer (or crashed before
 * recording it), and only this look-up turns the repeat into an update instead of a duplicate.
 * That is what makes at-least-once delivery exactly-once in effect. The recorded FStockId is the
 * fallback for a record whose number someone changed in Kingdee, unless it proved stale.
 */
export async function existingStocks(
  kingdee: SinkKingdee,
  scheme: IntegrationScheme,
  messages: readonly GoldenRecordChangedV1[],
  recorded: ReadonlyMap<string, KingdeeSyncState>,
  staleIds: ReadonlySet<string>,
): Promise<Map<string, ExistingStock>> {
  const found = new Map<string, ExistingStock>();
  for (const [useOrg, keys] of byUseOrg(matchKeys(scheme, messages))) {
    const stocks = await kingdee.findStocks(
      keys.map((k) => k.fNumber),
      useOrg,
    );
    for (const key of keys) {
      const hit = stocks.get(key.fNumber);
      if (hit) found.set(key.goldenId, { fStockId: hit.fStockId });
    }
  }
  for (const { goldenId } of messages) {
    const id = recorded.get(goldenId)?.fStockId;
    if (!found.has(goldenId) && id && !staleIds.has(goldenId)) found.set(goldenId, { fStockId: id });
  }
  return found;
}

function byUseOrg(keys: readonly MatchKey[]): Map<string | undefined, MatchKey[]> {
  const groups = new Map<string | undefined, MatchKey[]>();
  for (const key of keys) groups.set(key.useOrg, [...(groups.get(key.useOrg) ?? []), key]);
  return groups;
}
