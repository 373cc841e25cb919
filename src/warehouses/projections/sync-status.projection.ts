import { PerStreamRebuild } from '../../event-store/per-stream-rebuild';
import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { summarise, syncStatusOf } from './stream-summary';
import { goldenRecordStreams, streamsTouched, writeRecordset } from './warehouse-batch';

/** Kingdee sync status per golden record: published vs synced version, pending|synced|failed, last error. */
export class SyncStatusProjection implements Projection {
  readonly name = 'warehouses.sync-status';
  /** What replay rebuilds beside the live table and swaps in (Projection.tables). */
  readonly tables = ['warehouse_sync_status'];

  /** A record's status is its own stream folded, nothing else: a rebuild may hand over whole streams. */
  readonly rebuild: PerStreamRebuild = { perStream: true, applyStreams: (streams, tx) => this.write(goldenRecordStreams(streams), tx) };

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    await this.write(await streamsTouched(events, tx), tx);
  }

  /** Each record's status from its events (version order, from version 1). */
  private async write(streams: ReadonlyMap<string, readonly StoredEvent[]>, tx: SqlExecutor): Promise<void> {
    const rows = [...streams].map(([goldenId, stream]) => {
      const summary = summarise(stream);
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
