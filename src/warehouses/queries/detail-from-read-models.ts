import { SqlExecutor } from '../../event-store/stored-event';
import { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import { warehouseTypeLabel } from '../domain/warehouse-types';
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
    openTasks: tasks.map((t: { task_id: string; type: 'duplicate' | 'sync_failure' }) => ({ taskId: t.task_id, type: t.type })),
  };
}

export function recordOf(row: Record<string, any>): GoldenWarehouseRecord {
  return {
    warehouseNo: row.warehouse_no,
    name: row.name,
    typeCode: row.type_code,
    typeLabel: warehouseTypeLabel(row.type_code),
    status: row.status,
    isDefect: row.is_defect,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    contact: row.contact,
    telno: row.telno,
    mobile: row.mobile,
    zip: row.zip,
    remark: row.remark,
    extWarehouseNo: row.ext_warehouse_no,
    coordinates: row.coordinates,
    mergedInto: row.merged_into,
  };
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
