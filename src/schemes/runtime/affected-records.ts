import { SqlExecutor } from '../../event-store/stored-event';
import type { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { sourceFilterRejection } from '../source-filter';

/**
 * The golden records a scheme sends (its source filter applied to the read model): after a
 * mapping change, the ones whose Kingdee copy was written with the old mapping.
 */
export async function recordsSentBy(db: SqlExecutor, scheme: IntegrationScheme): Promise<string[]> {
  const rows: { golden_id: string; status: GoldenWarehouseRecord['status']; type_code: number | null; is_defect: boolean }[] =
    await db.query(`SELECT golden_id, status, type_code, is_defect FROM golden_warehouses WHERE status <> 'retired' ORDER BY golden_id`);
  return rows
    .filter(
      (r) =>
        sourceFilterRejection(scheme, { status: r.status, typeCode: r.type_code, isDefect: r.is_defect } as GoldenWarehouseRecord) ===
        undefined,
    )
    .map((r) => r.golden_id);
}
