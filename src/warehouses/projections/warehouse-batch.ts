import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { WarehouseEvent, goldenIdOfStream, isWarehouseEvent } from '../domain/events';
import { toDomainEvent } from '../application/warehouse-streams';

/** A committed warehouse event with where it sits in its stream. */
export interface WarehouseFact {
  readonly goldenId: string;
  readonly event: WarehouseEvent;
  readonly stored: StoredEvent;
}

/** The batch's golden-record events (other features' streams share the log and are skipped). */
export function warehouseFacts(events: readonly StoredEvent[]): WarehouseFact[] {
  return events.flatMap((stored) => {
    const goldenId = goldenIdOfStream(stored.streamId);
    const event = toDomainEvent(stored);
    return goldenId !== null && isWarehouseEvent(event) ? [{ goldenId, event, stored }] : [];
  });
}

/**
 * Writes many rows in one statement: `rows` travel as one jsonb array and `sql` reads them as
 * `jsonb_to_recordset($1::jsonb) AS r(<columns>)`.
 */
export async function writeRecordset(tx: SqlExecutor, sql: string, rows: readonly object[]): Promise<void> {
  if (rows.length > 0) await tx.query(sql, [JSON.stringify(rows)]);
}

/**
 * The golden-record streams among whole streams keyed by stream id (a per-stream rebuild hands over
 * every stream in the log), keyed by golden id. Like the batch path (foldTouched), only streams with a
 * warehouse event count: one holding nothing this code knows gets no row either way.
 */
export function goldenRecordStreams(streams: ReadonlyMap<string, readonly StoredEvent[]>): Map<string, readonly StoredEvent[]> {
  const result = new Map<string, readonly StoredEvent[]>();
  for (const [streamId, events] of streams) {
    const goldenId = goldenIdOfStream(streamId);
    if (goldenId !== null && events.some(isWarehouseEvent)) result.set(goldenId, events);
  }
  return result;
}
