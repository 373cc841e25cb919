import { EventStore, StreamAppend } from '../../../src/event-store/event-store';
import { SqlExecutor } from '../../../src/event-store/stored-event';
import { WdtWarehouse } from '../../../src/ingestion/wdt-client/wdt-warehouse';
import { ObservationContext, ObservationOutcome, WdtObservationRecorder } from '../../../src/ingestion/wdt-observation-recorder.port';

export const OBSERVED = 'TestWarehouseObservedInWdt';
export const MISSING = 'TestWarehouseMissingInWdt';
const PREFIX = 'test-wdt-warehouse-';

interface Latest {
  stream_id: string;
  version: number;
  type: string;
  data: { warehouseNo: string; raw: Record<string, unknown> };
}

/**
 * A stand-in for the warehouses feature's recorder (used until theirs is available to this test):
 * one stream per warehouse_no in the real event store, an event only when the raw fields changed,
 * naming them. Enough to check what ingestion hands over, not a model of the domain.
 */
export class EventStoreTestRecorder implements WdtObservationRecorder {
  constructor(
    private readonly db: SqlExecutor,
    private readonly store: EventStore,
  ) {}

  async recordObservations(observations: readonly WdtWarehouse[], context: ObservationContext): Promise<ObservationOutcome[]> {
    const latest = await this.latest(observations.map((o) => PREFIX + o.warehouseNo));
    const appends: StreamAppend[] = [];
    const outcomes = observations.map((o): ObservationOutcome => {
      const previous = latest.get(PREFIX + o.warehouseNo);
      const before = previous?.type === OBSERVED ? previous.data.raw : {};
      const changedFields = [...new Set([...Object.keys(before), ...Object.keys(o.raw)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(o.raw[k]));
      const outcome = previous === undefined ? 'created' : changedFields.length > 0 || previous.type !== OBSERVED ? 'changed' : 'unchanged';
      if (outcome !== 'unchanged') {
        appends.push({
          streamId: PREFIX + o.warehouseNo,
          expectedVersion: previous?.version ?? 0,
          events: [{ type: OBSERVED, data: { warehouseNo: o.warehouseNo, raw: o.raw, changedFields } }],
          metadata: metadata(context),
        });
      }
      return { warehouseNo: o.warehouseNo, goldenId: o.warehouseNo, outcome, changedFields: outcome === 'unchanged' ? [] : changedFields };
    });
    await this.store.appendMany(appends);
    return outcomes;
  }

  async flagMissing(seen: ReadonlySet<string>, context: ObservationContext): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (stream_id) stream_id, stream_version AS version, type, data FROM events
        WHERE stream_id LIKE $1 ORDER BY stream_id, stream_version DESC`,
      [`${PREFIX}%`],
    )) as Latest[];
    const gone = rows.filter((r) => r.type === OBSERVED && !seen.has(r.data.warehouseNo));
    await this.store.appendMany(
      gone.map((r) => ({ streamId: r.stream_id, expectedVersion: r.version, events: [{ type: MISSING, data: { warehouseNo: r.data.warehouseNo } }], metadata: metadata(context) })),
    );
    return gone.map((r) => r.data.warehouseNo);
  }

  private async latest(streamIds: readonly string[]): Promise<Map<string, Latest>> {
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (stream_id) stream_id, stream_version AS version, type, data FROM events
        WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version DESC`,
      [streamIds],
    )) as Latest[];
    return new Map(rows.map((r) => [r.stream_id, r]));
  }
}

function metadata(context: ObservationContext) {
  return { correlationId: context.correlationId, actor: context.actor, occurredAt: context.observedAt.toISOString(), syncRunId: context.syncRunId };
}
