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

/** Per golden record, the highest stream version in the batch: what a folding projection folds up to. */
export function latestVersions(facts: readonly WarehouseFact[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const f of facts) latest.set(f.goldenId, Math.max(latest.get(f.goldenId) ?? 0, f.stored.streamVersion));
  return latest;
}

/**
 * Writes many rows in one statement: `rows` travel as one jsonb array and `sql` reads them as
 * `jsonb_to_recordset($1::jsonb) AS r(<columns>)`.
 */
export async function writeRecordset(tx: SqlExecutor, sql: string, rows: readonly object[]): Promise<void> {
  if (rows.length > 0) await tx.query(sql, [JSON.stringify(rows)]);
}
