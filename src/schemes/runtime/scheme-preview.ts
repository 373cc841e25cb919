import { EventStore } from '../../event-store/event-store';
import { SqlExecutor } from '../../event-store/stored-event';
import { GOLDEN_SCHEMA_ID, GoldenRecordChangedV1 } from '../../contracts/golden-record-changed.v1';
import { WarehouseStreams } from '../../warehouses/application/warehouse-streams';
import { publishedRecord, publishedSources } from '../../warehouses/domain/published-record';
import { ExistingStock, RenderedBatch, renderBatchSaveBodies } from '../render-batch-save';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { sourceFilterRejection } from '../source-filter';

export interface SchemePreviewResult {
  readonly scheme: { readonly name: string; readonly version: string };
  /** Exactly what the sink would POST to BatchSave for these records (nothing is sent). */
  readonly batches: readonly RenderedBatch[];
  readonly filteredOut: readonly { readonly goldenId: string; readonly reason: string }[];
  readonly failures: readonly { readonly goldenId: string; readonly message: string }[];
}

/**
 * `mdm scheme preview`: renders the current golden records (folded from their streams, as the
 * publisher would send them) through a scheme, in the sink's batch size. A dry run.
 */
export class SchemePreview {
  constructor(
    private readonly db: SqlExecutor,
    private readonly store: EventStore,
    private readonly batchSize: number,
  ) {}

  async preview(scheme: IntegrationScheme, limit: number): Promise<SchemePreviewResult> {
    const rows: { golden_id: string; f_stock_id: string | null }[] = await this.db.query(
      `SELECT g.golden_id, s.f_stock_id FROM golden_warehouses g LEFT JOIN warehouse_sync_status s ON s.golden_id = g.golden_id
        ORDER BY g.warehouse_no, g.golden_id LIMIT $1`,
      [limit],
    );
    const streams = await new WarehouseStreams(this.store).load(rows.map((r) => r.golden_id));
    const messages: GoldenRecordChangedV1[] = [];
    const filteredOut: { goldenId: string; reason: string }[] = [];
    for (const stream of streams.values()) {
      if (stream.state.golden === null) continue;
      const last = stream.events.at(-1)!;
      const message: GoldenRecordChangedV1 = {
        schema: GOLDEN_SCHEMA_ID,
        eventId: last.eventId,
        goldenId: stream.goldenId,
        version: stream.version,
        position: last.globalPosition,
        occurredAt: last.occurredAt.toISOString(),
        change: 'updated',
        changedFields: [],
        record: publishedRecord(stream.state),
        sources: publishedSources(stream.state),
      };
      const rejected = sourceFilterRejection(scheme, message.record);
      if (rejected) filteredOut.push({ goldenId: stream.goldenId, reason: rejected });
      else messages.push(message);
    }
    const existing = new Map<string, ExistingStock>(
      rows.filter((r) => r.f_stock_id).map((r) => [r.golden_id, { fStockId: r.f_stock_id! }]),
    );
    const batches: RenderedBatch[] = [];
    const failures: { goldenId: string; message: string }[] = [];
    for (let i = 0; i < messages.length; i += this.batchSize) {
      const rendered = renderBatchSaveBodies(scheme, messages.slice(i, i + this.batchSize), existing);
      batches.push(...rendered.batches);
      failures.push(...rendered.failures.map((f) => ({ goldenId: f.goldenId, message: f.message })));
    }
    return { scheme: { name: scheme.name, version: scheme.version }, batches, filteredOut, failures };
  }
}
