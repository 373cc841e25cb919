import { SqlExecutor } from '../../event-store/stored-event';
import { StreamSummary, syncStatusOf } from './stream-summary';
import { writeRecordset } from './warehouse-batch';

/**
 * Kingdee sync status per golden record (published vs synced version, pending|synced|failed, last
 * error), written by GoldenRecordsProjection from the same fold as the record's row.
 */
export async function writeSyncStatus(tx: SqlExecutor, summaries: ReadonlyMap<string, StreamSummary>): Promise<void> {
  const rows = [...summaries].map(([goldenId, summary]) => {
    const { kingdee } = summary.state;
    return {
      golden_id: goldenId,
      version: summary.version,
      published_version: summary.publishedVersion,
      synced_version: kingdee.syncedVersion,
      record_version: summary.state.recordVersion,
      published_record_version: summary.publishedRecordVersion,
      synced_record_version: summary.syncedRecordVersion,
      status: syncStatusOf(summary),
      f_stock_id: kingdee.fStockId,
      f_number: kingdee.fNumber,
      last_error_code: summary.lastError?.code ?? null,
      last_error_message: summary.lastError?.message ?? null,
      last_attempt_at: summary.lastSyncAttemptAt,
    };
  });
  await writeRecordset(tx, UPSERT, rows);
}

const COLUMNS =
  'golden_id, version, published_version, synced_version, record_version, published_record_version, synced_record_version, status, ' +
  'f_stock_id, f_number, last_error_code, last_error_message, last_attempt_at';

const UPSERT = `
  INSERT INTO warehouse_sync_status (${COLUMNS})
  SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(golden_id text, version int, published_version int, synced_version int,
    record_version int, published_record_version int, synced_record_version int, status text, f_stock_id text, f_number text, last_error_code text, last_error_message text, last_attempt_at timestamptz)
  ON CONFLICT (golden_id) DO UPDATE SET ${COLUMNS.split(', ')
    .slice(1)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')}
  WHERE warehouse_sync_status.version < EXCLUDED.version`;
