import type { IntegrationScheme } from '../contracts/integration-scheme';
import { sourceFilterRejection } from '../schemes/source-filter';
import type { KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';
import type { SinkMessage } from './sink-messages';

/** Why a valid message is not written to Kingdee. */
export type SkipReason = 'superseded' | 'already-synced' | 'not-in-kingdee' | 'filtered';

export interface SkippedMessage {
  readonly goldenId: string;
  readonly version: number;
  readonly reason: SkipReason;
  readonly detail: string;
}

export interface BatchPlan {
  /** The newest version of each golden record that Kingdee still needs, in batch order. */
  readonly write: readonly SinkMessage[];
  /** Newest versions that retire a record (retired or merged away): their BD_STOCK is forbidden, not written. */
  readonly retire: readonly SinkMessage[];
  readonly skipped: readonly SkippedMessage[];
}

/**
 * Decides what a batch must write. Delivery is at-least-once and a batch may hold several versions
 * of a record, so only the newest version per golden id counts, and only when Kingdee does not
 * have it (or a newer one) yet. Retired and merged-away records are never written: they go to
 * `retire`, and the sink forbids their BD_STOCK (never deletes it: documents point at it).
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
  const retire: SinkMessage[] = [];
  const skipped: SkippedMessage[] = [];
  for (const m of messages) {
    const reason =
      newest.get(m.message.goldenId) === m
        ? skipReason(m, states.get(m.message.goldenId), scheme)
        : superseded(newest.get(m.message.goldenId)!);
    if (reason) skipped.push({ goldenId: m.message.goldenId, version: m.message.version, ...reason });
    else if (retires(m)) retire.push(m);
    else write.push(m);
  }
  return { write, retire, skipped };
}

type Reason = { readonly reason: SkipReason; readonly detail: string };

function skipReason(m: SinkMessage, state: KingdeeSyncState | undefined, scheme: IntegrationScheme): Reason | undefined {
  const { version, record } = m.message;
  const synced = state?.syncedVersion ?? null;
  if (synced !== null && version <= synced) return { reason: 'already-synced', detail: `Kingdee already has v${synced}` };
  if (retires(m)) return undefined;
  const filtered = sourceFilterRejection(scheme, record);
  return filtered === undefined ? undefined : { reason: 'filtered', detail: filtered };
}

/** A retired or merged-away record (published with change `retired`, status `retired` or `mergedInto`). */
export const retires = ({ message: { change, record } }: SinkMessage): boolean =>
  change === 'retired' || record.status === 'retired' || record.mergedInto !== null;

const superseded = (newer: SinkMessage): Reason => ({ reason: 'superseded', detail: `v${newer.message.version} is in the same batch` });
