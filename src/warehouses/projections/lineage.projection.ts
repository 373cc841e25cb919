import { PerStreamRebuild } from '../../event-store/per-stream-rebuild';
import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { goldenChangesOf } from '../domain/events';
import { warehouseFacts, writeRecordset } from './warehouse-batch';

/**
 * Per-field lineage: every value a golden field has had, with the source and rule that decided it
 * and the event that recorded it. Keyed by (golden id, field, stream version), so re-applying
 * events inserts nothing new.
 */
export class LineageProjection implements Projection {
  readonly name = 'warehouses.lineage';
  /** What replay rebuilds beside the live table and swaps in (Projection.tables). */
  readonly tables = ['warehouse_lineage'];

  /**
   * Rows come from single events of one stream, keyed by its golden id: a rebuild may hand over
   * whole streams, applied like one batch of their events.
   */
  readonly rebuild: PerStreamRebuild = { perStream: true, applyStreams: (streams, tx) => this.apply([...streams.values()].flat(), tx) };

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    const rows = warehouseFacts(events).flatMap(({ goldenId, event, stored }) =>
      goldenChangesOf(event).map((c) => ({
        golden_id: goldenId,
        field: c.field,
        stream_version: stored.streamVersion,
        value: c.new,
        source_system: c.source.system,
        source_key: c.source.key,
        rule: c.rule,
        event_id: stored.eventId,
        event_type: stored.type,
        at: stored.recordedAt,
      })),
    );
    await writeRecordset(tx, INSERT, rows);
  }
}

const COLUMNS = 'golden_id, field, stream_version, value, source_system, source_key, rule, event_id, event_type, at';
// value travels as jsonb inside the recordset: a null field value is JSON null, not SQL NULL.
const INSERT = `
  INSERT INTO warehouse_lineage (${COLUMNS})
  SELECT golden_id, field, stream_version, COALESCE(value, 'null'::jsonb), source_system, source_key, rule, event_id, event_type, at
    FROM jsonb_to_recordset($1::jsonb) AS r(golden_id text, field text, stream_version int, value jsonb, source_system text,
      source_key text, rule text, event_id uuid, event_type text, at timestamptz)
  ON CONFLICT DO NOTHING`;
