import { StoredEvent } from '../../event-store/stored-event';

export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly eventId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly data: unknown;
}

/** A golden record's events, oldest first, as the history endpoint returns them. */
export function historyOf(events: readonly StoredEvent[]): HistoryEntry[] {
  return events.map((e) => ({
    version: e.streamVersion,
    type: e.type,
    eventId: e.eventId,
    occurredAt: e.occurredAt.toISOString(),
    recordedAt: e.recordedAt.toISOString(),
    actor: e.metadata.actor,
    correlationId: e.metadata.correlationId,
    data: e.data,
  }));
}
