import { EventStore } from '../event-store/event-store';
import { SqlExecutor } from '../event-store/stored-event';
import { GOLDEN_SCHEMA_ID, type GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { WarehouseStreams } from '../warehouses/application/warehouse-streams';
import { publishedRecord, publishedSources } from '../warehouses/domain/published-record';
import { summarise } from '../warehouses/projections/stream-summary';
import type { GoldenInSink } from './render-golden';

const CHUNK = 500;

export interface GoldenLoad {
  readonly records: readonly GoldenInSink[];
  /** Records with an open drift or missing task: a run that no longer finds it closes it. */
  readonly withOpenFindings: ReadonlySet<string>;
}

/**
 * Every golden record as the publisher would send it now, with what the hub wrote to Kingdee.
 * Folded from the event store (not the read models), in chunks, so a lagging projection cannot
 * make a record look missing or drifted.
 */
export async function loadGoldenInSink(db: SqlExecutor, store: EventStore, signal?: AbortSignal): Promise<GoldenLoad> {
  const ids: { golden_id: string }[] = await db.query(`SELECT golden_id FROM golden_warehouses ORDER BY warehouse_no, golden_id`);
  const streams = new WarehouseStreams(store);
  const records: GoldenInSink[] = [];
  const withOpenFindings = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    signal?.throwIfAborted();
    const loaded = await streams.load(ids.slice(i, i + CHUNK).map((r) => r.golden_id));
    for (const stream of loaded.values()) {
      if (stream.state.golden === null) continue;
      const summary = summarise(stream.events);
      const last = stream.events.at(-1)!;
      const message: GoldenRecordChangedV1 = {
        schema: GOLDEN_SCHEMA_ID,
        eventId: last.eventId,
        goldenId: stream.goldenId,
        version: summary.publishedVersion,
        position: last.globalPosition,
        occurredAt: last.occurredAt.toISOString(),
        change: 'updated',
        changedFields: [],
        record: publishedRecord(stream.state),
        sources: publishedSources(stream.state),
      };
      const { kingdee, kingdeeFindings } = stream.state;
      if (Object.values(kingdeeFindings).some((t) => t.open)) withOpenFindings.add(stream.goldenId);
      records.push({
        message,
        fStockId: kingdee.fStockId,
        syncedVersion: kingdee.syncedVersion,
        publishedVersion: summary.publishedVersion,
      });
    }
  }
  return { records, withOpenFindings };
}
