import type { IntegrationScheme } from '../schemes/scheme';
import { sourceFilterRejection } from '../schemes/source-filter';
import type { KingdeeSyncState } from './kingdee-sync-result-recorder.port';
import type { SinkMessage } from './sink-messages';

/** Why a valid message is not written to Kingdee. */
export type SkipReason = 'superseded' | 'already-synced' | 'retired' | 'filtered';

export interface SkippedMessage {
  readonly goldenId: string;
  readonly version: number;
  readonly reason: SkipReason;
  readonly detail: string;
}

export interface BatchPlan {
  /** The newest version of each golden record that Kingdee still needs, in batch order. */
  readonly write: readonly SinkMessage[];
  readonly skipped: readonly SkippedMessage[];
}

/**
 * Decides what a batch must write. Delivery is at-least-once and a batch may hold several versions
 * of a record, so only the newest version per golden id counts, and only when Kingdee does not
 * have it (or a newer one) yet. Retired and merged-away records are never written: Kingdee keeps
 * the warehouse as it was, because deleting or forbidding a warehouse that may carry stock is a
 * business decision for a person in Kingdee, not for the integration.
 */
export function planBatch(
  messages: readonly SinkMessage[],
  states: ReadonlyMap<string, KingdeeSyncState>,
  scheme: IntegrationScheme,
): BatchPlan {
  const newest = new Map<string, SinkMessage>();
  for (const m of messages) {
    const seen = newest.get(m.message.goldenId);
    if (!seen || m.message.version > seen.message.version) newest.set(m.message.goldenId, m);
  }
  const write: SinkMessage[] = [];
  const skipped: SkippedMessage[] = [];
  for (const m of messages) {
    const reason =
      newest.get(m.message.goldenId) === m
        ? skipReason(m, states.get(m.message.goldenId), scheme)
        : superseded(newest.get(m.message.goldenId)!);
    if (reason) skipped.push({ goldenId: m.message.goldenId, version: m.message.version, ...reason });
    else write.push(m);
  }
  return { write, skipped };
}

type Reason = { readonly reason: SkipReason; readonly detail: string };

function skipReason(m: SinkMessage, state: KingdeeSyncState | undefined, scheme: IntegrationScheme): Reason | undefined {
  const { version, record, change } = m.message;
  const synced = state?.syncedVersion ?? null;
  if (synced !== null && version <= synced) return { reason: 'already-synced', detail: `Kingdee already has v${synced}` };
  if (change === 'retired' || record.status === 'retired' || record.mergedInto !== null) {
    return { reason: 'retired', detail: record.mergedInto ? `merged into ${record.mergedInto}; not written` : 'retired; not written' };
  }
  const filtered = sourceFilterRejection(scheme, record);
  return filtered === undefined ? undefined : { reason: 'filtered', detail: filtered };
}

const superseded = (newer: SinkMessage): Reason => ({ reason: 'superseded', detail: `v${newer.message.version} is in the same batch` });
