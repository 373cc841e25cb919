import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { EventStore } from '../../event-store/event-store';
import { WarehouseEvent, goldenIdOfStream, isWarehouseEvent, streamIdOf } from '../domain/events';
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
 * Every touched record's events up to its newest version in the batch. A record whose whole stream
 * is in the batch (initial loads, replays) is folded from the batch itself; the others are read
 * back from the event store in one query.
 */
export async function streamsTouched(events: readonly StoredEvent[], tx: SqlExecutor): Promise<Map<string, readonly StoredEvent[]>> {
  const inBatch = new Map<string, StoredEvent[]>();
  for (const f of warehouseFacts(events)) {
    const list = inBatch.get(f.goldenId) ?? [];
    list.push(f.stored);
    inBatch.set(f.goldenId, list);
  }
  const complete = (list: readonly StoredEvent[]) => list.every((e, i) => e.streamVersion === i + 1);
  const partial = [...inBatch].filter(([, list]) => !complete(list));
  const result = new Map<string, readonly StoredEvent[]>([...inBatch].filter(([, list]) => complete(list)));
  if (partial.length > 0) {
    // Read straight from the store: folding them here too (WarehouseStreams.load) would be thrown away.
    const upTo = new Map(partial.map(([id, list]) => [streamIdOf(id), list.at(-1)!.streamVersion]));
    const loaded = await new EventStore(tx).readStreams([...upTo.keys()], { tx, upTo });
    for (const [streamId, events] of loaded) result.set(goldenIdOfStream(streamId)!, events);
  }
  return result;
}

/**
 * The golden-record streams among whole streams keyed by stream id (a per-stream rebuild hands over
 * every stream in the log), keyed by golden id. Like streamsTouched, only streams with a warehouse
 * event count: one holding nothing this code knows gets no row either way.
 */
export function goldenRecordStreams(streams: ReadonlyMap<string, readonly StoredEvent[]>): Map<string, readonly StoredEvent[]> {
  const result = new Map<string, readonly StoredEvent[]>();
  for (const [streamId, events] of streams) {
    const goldenId = goldenIdOfStream(streamId);
    if (goldenId !== null && events.some(isWarehouseEvent)) result.set(goldenId, events);
  }
  return result;
}
