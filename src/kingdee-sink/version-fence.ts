import type { RenderedBatch } from '../schemes/render-batch-save';
import type { SkippedMessage } from './batch-plan';
import type { KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';

export interface FencedBatch {
  /** What is still worth sending; undefined when nothing is. */
  readonly batch: RenderedBatch | undefined;
  readonly skipped: readonly SkippedMessage[];
}

/**
 * Takes out of a rendered BatchSave the records Kingdee already holds at this or a newer version, by
 * the hub's recorded sync state read right before the call. The batch was planned earlier, and
 * meanwhile another sink member (the partition moved in a rebalance) may have written a newer
 * version: sending ours would put the older version back over it.
 */
export function withoutSyncedVersions(batch: RenderedBatch, states: ReadonlyMap<string, KingdeeSyncState>): FencedBatch {
  const keep: number[] = [];
  const skipped: SkippedMessage[] = [];
  batch.entries.forEach((entry, index) => {
    const synced = states.get(entry.goldenId)?.syncedVersion ?? null;
    if (synced === null || entry.version > synced) keep.push(index);
    else
      skipped.push({
        goldenId: entry.goldenId,
        version: entry.version,
        reason: 'already-synced',
        detail: `Kingdee already has v${synced} (written while this batch was under way)`,
      });
  });
  if (keep.length === batch.entries.length) return { batch, skipped };
  if (keep.length === 0) return { batch: undefined, skipped };
  const { body } = batch;
  return {
    batch: {
      ...batch,
      body: { ...body, data: { ...body.data, Model: keep.map((i) => body.data.Model[i]!) } },
      entries: keep.map((i) => batch.entries[i]!),
    },
    skipped,
  };
}
