import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { ListingCheckEvent, WDT_LISTING_CHECKS_STREAM } from '../domain/listing-checks';
import { WarehouseFact, warehouseFacts } from './warehouse-batch';

/**
 * Open and resolved stewardship tasks: suspected duplicates, Kingdee sync failures, what
 * reconciliation found (drift, missing in Kingdee) and WDT listings that look truncated (from the
 * listing-checks stream, no golden record concerned). A duplicate
 * task concerns two streams, so rows are idempotent by their nature rather than by one stream
 * version: opening inserts if absent, closing only touches an open task.
 */
export class StewardshipTasksProjection implements Projection {
  readonly name = 'warehouses.stewardship-tasks';
  /** What replay rebuilds beside the live table and swaps in (Projection.tables). */
  readonly tables = ['stewardship_tasks'];

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    for (const stored of events) if (stored.streamId === WDT_LISTING_CHECKS_STREAM) await applyListingCheck(stored, tx);
    for (const fact of warehouseFacts(events)) await this.applyOne(fact, tx);
  }

  private async applyOne({ goldenId, event, stored }: WarehouseFact, tx: SqlExecutor): Promise<void> {
    const by = stored.metadata.actor;
    const at = stored.recordedAt;
    switch (event.type) {
      case 'SuspectedDuplicateDetected': {
        const d = event.data;
        const title = `Suspected duplicate of ${d.otherWarehouseNo} (score ${d.score})`;
        return open(
          tx,
          d.taskId,
          'duplicate',
          goldenId,
          d.otherGoldenId,
          title,
          { score: d.score, reasons: d.reasons, otherWarehouseNo: d.otherWarehouseNo },
          at,
        );
      }
      case 'KingdeeSyncFailed': {
        const d = event.data;
        return open(
          tx,
          d.taskId,
          'sync_failure',
          goldenId,
          null,
          `Kingdee rejected version ${d.version}: ${d.code}`,
          { version: d.version, code: d.code, message: d.message },
          at,
        );
      }
      case 'KingdeeDriftDetected': {
        const d = event.data;
        const title = `Kingdee differs in ${d.fields.map((f) => f.field).join(', ')}`;
        return open(tx, d.taskId, 'kingdee_drift', goldenId, null, title, { runId: d.runId, fields: d.fields }, at);
      }
      case 'KingdeeRecordMissing': {
        const d = event.data;
        return open(tx, d.taskId, 'kingdee_missing', goldenId, null, 'Kingdee no longer has this warehouse', d, at);
      }
      case 'KingdeeFindingResolved':
        return close(tx, [event.data.taskId], event.data.resolution, at, by);
      case 'DuplicateDismissed':
        return close(tx, [event.data.taskId], 'dismissed', at, by);
      case 'GoldenRecordMerged':
      case 'GoldenRecordRetired':
        return event.data.taskId ? close(tx, [event.data.taskId], 'merged', at, by) : undefined;
      case 'KingdeeSyncSucceeded':
      case 'KingdeeStockForbidden':
      case 'KingdeeStockAbsent':
        return close(tx, event.data.closedTaskIds, 'synced', at, by);
      case 'KingdeeResyncRequested':
        return event.data.taskId ? close(tx, [event.data.taskId], 'retried', at, by) : undefined;
    }
  }
}

/** "WDT listing looks truncated": opened (or refreshed) by a suspicious run, closed by a trusted one or a steward. */
async function applyListingCheck(stored: StoredEvent, tx: SqlExecutor): Promise<void> {
  const event = { type: stored.type, data: stored.data } as ListingCheckEvent;
  const at = stored.recordedAt;
  switch (event.type) {
    case 'WdtListingLooksTruncated': {
      const { taskId, syncRunId, wouldFlag, known, maxShare, sample } = event.data;
      const title = `WDT listing looks truncated: ${wouldFlag} of ${known} warehouses absent at once (more than ${Math.round(maxShare * 100)}%)`;
      return open(tx, taskId, 'wdt_listing_truncated', null, null, title, { syncRunId, wouldFlag, known, maxShare, sample }, at);
    }
    case 'WdtListingTrusted':
      return close(tx, [event.data.taskId], 'listing_complete', at, stored.metadata.actor);
    case 'WdtListingTruncationDismissed':
      return close(tx, [event.data.taskId], 'dismissed', at, stored.metadata.actor);
  }
}

async function open(
  tx: SqlExecutor,
  taskId: string,
  type: string,
  goldenId: string | null,
  other: string | null,
  title: string,
  details: object,
  at: Date,
): Promise<void> {
  // The same failure reported again (a sync failure's new message, a listing still truncated) refreshes an open task.
  await tx.query(
    `INSERT INTO stewardship_tasks (task_id, type, status, golden_id, other_golden_id, title, details, opened_at)
     VALUES ($1, $2, 'open', $3, $4, $5, $6, $7)
     ON CONFLICT (task_id) DO UPDATE SET title = EXCLUDED.title, details = EXCLUDED.details
       WHERE stewardship_tasks.status = 'open' AND stewardship_tasks.type IN ('sync_failure', 'kingdee_drift', 'wdt_listing_truncated')`,
    [taskId, type, goldenId, other, title, JSON.stringify(details), at],
  );
}

async function close(tx: SqlExecutor, taskIds: readonly string[], resolution: string, at: Date, by: string): Promise<void> {
  if (taskIds.length === 0) return;
  await tx.query(
    `UPDATE stewardship_tasks SET status = 'resolved', resolution = $2, resolved_at = $3, resolved_by = $4
      WHERE task_id = ANY($1::text[]) AND status = 'open'`,
    [taskIds, resolution, at, by],
  );
}
