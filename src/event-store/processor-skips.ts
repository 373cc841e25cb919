import { SqlExecutor, StoredEvent } from './stored-event';

/** An admin let one processor pass one event it cannot apply (`mdm processor skip`). */
export const PROCESSOR_EVENT_SKIPPED = 'ProcessorEventSkipped';

export interface ProcessorEventSkippedData {
  readonly processor: string;
  /** The global position of the skipped event: only that event, only for that processor. */
  readonly position: string;
  readonly transactionId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly reason: string;
}

/** The audit stream of one processor's skips. */
export const processorStream = (name: string): string => `processor-${name}`;

/** Global positions this processor was told to skip. One indexed read per batch: skips are rare, the stream is tiny. */
export async function skippedPositions(db: SqlExecutor, name: string): Promise<Set<string>> {
  const rows: { position: string }[] = await db.query(
    `SELECT data->>'position' AS position FROM events WHERE stream_id = $1 AND type = $2`,
    [processorStream(name), PROCESSOR_EVENT_SKIPPED],
  );
  return new Set(rows.map((r) => r.position));
}

/** The batch without the skipped events (the checkpoint still moves past them). */
export function withoutSkipped(events: readonly StoredEvent[], skipped: ReadonlySet<string>): readonly StoredEvent[] {
  return skipped.size === 0 ? events : events.filter((e) => !skipped.has(e.globalPosition));
}
