import { PerStreamRebuild } from '../../event-store/per-stream-rebuild';
import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { WarehouseFact, warehouseFacts, writeRecordset } from './warehouse-batch';

export const KINGDEE_XREF_SYSTEM = 'kingdee';

interface XrefRow {
  golden_id: string;
  system: string;
  source_key: string;
  external_id: string | null;
  version: number;
  updated_at: Date;
}

/**
 * Cross-reference: golden id ↔ WDT warehouse_no / warehouse_id ↔ Kingdee FNumber / FStockId. Each
 * row remembers the stream version that last wrote it and ignores anything older.
 */
export class XrefProjection implements Projection {
  readonly name = 'warehouses.xref';
  /** What replay rebuilds beside the live table and swaps in (Projection.tables). */
  readonly tables = ['warehouse_xref'];

  /**
   * A record's rows come from its own events (a merge copies the other record's sources into the
   * survivor's GoldenRecordMerged): a rebuild may hand over whole streams, applied like one batch.
   */
  readonly rebuild: PerStreamRebuild = { perStream: true, applyStreams: (streams, tx) => this.apply([...streams.values()].flat(), tx) };

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    const facts = warehouseFacts(events);
    const latest = new Map<string, XrefRow>();
    for (const row of facts.flatMap(rowsOf)) {
      const key = JSON.stringify([row.golden_id, row.system, row.source_key]);
      if ((latest.get(key)?.version ?? 0) < row.version) latest.set(key, row);
    }
    await writeRecordset(tx, UPSERT, [...latest.values()]);
    // A record merged away keeps its rows for history, marked inactive; the survivor holds them now.
    // Merging away is final, so this wins over any row the same batch wrote for a later version
    // (a late Kingdee result), and UPSERT keeps rows of a merged-away record inactive afterwards.
    await writeRecordset(
      tx,
      DEACTIVATE,
      facts
        .filter((f) => f.event.type === 'GoldenRecordRetired' && f.event.data.mergedInto !== null)
        .map((f) => ({ golden_id: f.goldenId, version: f.stored.streamVersion, updated_at: f.stored.recordedAt })),
    );
  }
}

function rowsOf({ goldenId, event, stored }: WarehouseFact): XrefRow[] {
  const at = { golden_id: goldenId, version: stored.streamVersion, updated_at: stored.recordedAt };
  switch (event.type) {
    case 'WarehouseObservedInWdt':
      return [{ ...at, system: event.data.source.system, source_key: event.data.source.key, external_id: event.data.warehouseId }];
    case 'GoldenRecordMerged':
      return event.data.sources.map((s) => ({ ...at, system: s.source.system, source_key: s.source.key, external_id: s.externalId }));
    case 'KingdeeSyncSucceeded':
    case 'KingdeeRecordAdopted':
    case 'KingdeeStockForbidden':
      return [{ ...at, system: KINGDEE_XREF_SYSTEM, source_key: event.data.fNumber, external_id: event.data.fStockId }];
    default:
      return [];
  }
}

const UPSERT = `
  INSERT INTO warehouse_xref (golden_id, system, source_key, external_id, active, version, updated_at)
  SELECT golden_id, system, source_key, external_id,
         NOT EXISTS (SELECT 1 FROM warehouse_xref m WHERE m.golden_id = r.golden_id AND NOT m.active), version, updated_at
    FROM jsonb_to_recordset($1::jsonb) AS r(golden_id text, system text, source_key text, external_id text, version int, updated_at timestamptz)
  ON CONFLICT (golden_id, system, source_key) DO UPDATE
    SET external_id = EXCLUDED.external_id, active = EXCLUDED.active, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
    WHERE warehouse_xref.version < EXCLUDED.version`;
const DEACTIVATE = `
  UPDATE warehouse_xref x SET active = false, version = GREATEST(x.version, r.version), updated_at = GREATEST(x.updated_at, r.updated_at)
    FROM jsonb_to_recordset($1::jsonb) AS r(golden_id text, version int, updated_at timestamptz)
   WHERE x.golden_id = r.golden_id AND x.active`;
