import { SqlExecutor } from '../../event-store/stored-event';
import { GOLDEN_RECORD_FIELDS, goldenFieldSpec } from '../../contracts/golden-field-catalogue';
import { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import { warehouseTypeLabel } from '../domain/warehouse-types';
import { StewardshipTaskType } from './stewardship-task-types';
import { WarehouseDetail, iso } from './warehouse-detail';

/** A golden record from the read models (eventually consistent; `version` says how current). */
export async function detailFromReadModels(db: SqlExecutor, goldenId: string): Promise<WarehouseDetail | null> {
  const [row] = await db.query(`SELECT * FROM golden_warehouses WHERE golden_id = $1`, [goldenId]);
  if (!row) return null;
  const [lineage, xref, [sync], tasks] = await Promise.all([
    db.query(`SELECT DISTINCT ON (field) * FROM warehouse_lineage WHERE golden_id = $1 ORDER BY field, stream_version DESC`, [goldenId]),
    db.query(`SELECT * FROM warehouse_xref WHERE golden_id = $1 ORDER BY system, source_key`, [goldenId]),
    db.query(`SELECT * FROM warehouse_sync_status WHERE golden_id = $1`, [goldenId]),
    db.query(`SELECT task_id, type FROM stewardship_tasks WHERE status = 'open' AND $1 IN (golden_id, other_golden_id) ORDER BY task_id`, [
      goldenId,
    ]),
  ]);
  // Kingdee keeps its stock after a merge (the sink disables it), so its xref stays visible.
  const kingdee = xref.find((x: XrefRow) => x.system === 'kingdee');
  return {
    goldenId,
    version: row.record_version,
    streamVersion: row.version,
    asOf: null,
    record: recordOf(row),
    lineage: Object.fromEntries(
      lineage.map((l: LineageRow) => [
        l.field,
        { value: l.value, source: { system: l.source_system, key: l.source_key }, rule: l.rule, eventId: l.event_id, at: iso(l.at)! },
      ]),
    ),
    overrides: row.overrides,
    crossReference: {
      wdt: xref
        .filter((x: XrefRow) => x.system !== 'kingdee')
        .map((x: XrefRow) => ({ system: x.system, warehouseNo: x.source_key, warehouseId: x.external_id, active: x.active })),
      kingdee: kingdee ? { fNumber: kingdee.source_key, fStockId: kingdee.external_id } : null,
    },
    kingdeeSync: {
      status: sync?.status ?? 'pending',
      publishedVersion: sync?.published_record_version ?? row.record_version,
      syncedVersion: sync?.synced_record_version ?? null,
      publishedStreamVersion: sync?.published_version ?? row.published_version,
      syncedStreamVersion: sync?.synced_version ?? null,
      lastError: sync?.last_error_code ? { code: sync.last_error_code, message: sync.last_error_message } : null,
      lastAttemptAt: iso(sync?.last_attempt_at),
    },
    dataQuality: { missingInWdt: row.missing_in_wdt, flags: row.quality_flags },
    openTasks: tasks.map((t: { task_id: string; type: StewardshipTaskType }) => ({ taskId: t.task_id, type: t.type })),
  };
}

/** A golden_warehouses row's record, by the field catalogue's columns. */
export function recordOf(row: Record<string, any>): GoldenWarehouseRecord {
  const record = Object.fromEntries(GOLDEN_RECORD_FIELDS.map((f) => [f, row[goldenFieldSpec(f).column]])) as GoldenWarehouseRecord;
  // The label follows the code, as when the record is published, rather than the stored column.
  return { ...record, typeLabel: warehouseTypeLabel(record.typeCode) };
}

interface LineageRow {
  field: string;
  value: unknown;
  source_system: string;
  source_key: string;
  rule: any;
  event_id: string;
  at: Date;
}
interface XrefRow {
  system: string;
  source_key: string;
  external_id: string | null;
  active: boolean;
}
