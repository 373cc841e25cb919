import { PerStreamRebuild } from '../../event-store/per-stream-rebuild';
import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { matchKeys } from '../domain/match-keys';
import { publishedRecord } from '../domain/published-record';
import { searchGrams } from '../domain/similarity';
import { toHalfWidth } from '../domain/text';
import { streamIdOf } from '../domain/events';
import { foldTouched, saveSummaries } from './golden-state';
import { StreamSummary, summarise } from './stream-summary';
import { writeSyncStatus } from './sync-status-rows';
import { goldenRecordStreams, writeRecordset } from './warehouse-batch';

/**
 * Everything folded from a golden-record stream, from one fold per touched stream per batch: the
 * kept fold itself (`golden_state`), the searchable golden record and its Kingdee sync status. A
 * batch folds its events onto the kept fold (see foldTouched); a row is replaced only by a newer
 * version, so replaying or re-applying a batch changes nothing.
 */
export class GoldenRecordsProjection implements Projection {
  readonly name = 'warehouses.golden-records';
  /** What replay rebuilds beside the live tables and swaps in (Projection.tables). */
  readonly tables = ['golden_warehouses', 'warehouse_sync_status', 'golden_state'];
  /**
   * A record's rows are its own stream folded, nothing else: a rebuild may hand over whole streams.
   * It keeps the folds of long streams only: a short one is cheaper to read again, once, the first
   * time a batch touches it (or the sink asks) than to write for every record now.
   */
  readonly rebuild: PerStreamRebuild = {
    perStream: true,
    applyStreams: async (streams, tx) => {
      const whole = [...goldenRecordStreams(streams)].map(([goldenId, events]) => ({ goldenId, events, summary: summarise(events) }));
      await this.write(
        new Map(whole.map((s) => [s.goldenId, s.summary])),
        tx,
        (goldenId) => streams.get(streamIdOf(goldenId))!.length >= KEEP_FROM,
      );
    },
  };

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    await this.write(await foldTouched(events, tx), tx);
  }

  private async write(
    summaries: ReadonlyMap<string, StreamSummary>,
    tx: SqlExecutor,
    keep: (goldenId: string) => boolean = () => true,
  ): Promise<void> {
    const rows = [...summaries]
      .filter(([, summary]) => summary.state.golden !== null)
      .map(([goldenId, summary]) => rowOf(goldenId, summary));
    await writeRecordset(tx, UPSERT, rows);
    await writeSyncStatus(tx, summaries);
    await saveSummaries(tx, new Map([...summaries].filter(([goldenId]) => keep(goldenId))));
  }
}

/** A rebuild keeps the folds of streams of at least this many events. */
const KEEP_FROM = 20;

function rowOf(goldenId: string, summary: StreamSummary): Record<string, unknown> {
  const { state } = summary;
  const r = publishedRecord(state);
  const sources = Object.values(state.sources);
  // Folded like the query (`（主）` is found by `(主)` and the other way round); the record keeps what was typed.
  const searchText = toHalfWidth([r.warehouseNo, r.name, r.province, r.city, r.district, r.address].filter(Boolean).join(' '));
  const flags = new Map(sources.flatMap((s) => s.normalised.qualityFlags).map((f) => [`${f.field}:${f.code}`, f]));
  return {
    golden_id: goldenId,
    version: summary.version,
    record_version: state.recordVersion,
    published_version: summary.publishedVersion,
    warehouse_no: r.warehouseNo,
    name: r.name,
    type_code: r.typeCode,
    type_label: r.typeLabel,
    status: r.status,
    is_defect: r.isDefect,
    province: r.province,
    city: r.city,
    district: r.district,
    address: r.address,
    contact: r.contact,
    telno: r.telno,
    mobile: r.mobile,
    zip: r.zip,
    remark: r.remark,
    ext_warehouse_no: r.extWarehouseNo,
    coordinates: r.coordinates,
    merged_into: r.mergedInto,
    missing_in_wdt: sources.some((s) => s.missing),
    overrides: state.overrides,
    quality_flags: [...flags.values()],
    search_text: searchText,
    search_bigrams: searchGrams(searchText),
    match_keys: matchKeys(r),
    created_at: summary.createdAt,
    updated_at: summary.updatedAt,
  };
}

const COLUMNS = `golden_id, version, record_version, published_version, warehouse_no, name, type_code, type_label, status, is_defect, province, city,
  district, address, contact, telno, mobile, zip, remark, ext_warehouse_no, coordinates, merged_into, missing_in_wdt, overrides,
  quality_flags, search_text, search_bigrams, match_keys, created_at, updated_at`;
const UPSERT = `
  INSERT INTO golden_warehouses (${COLUMNS})
  SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(golden_id text, version int, record_version int, published_version int, warehouse_no text,
    name text, type_code int, type_label text, status text, is_defect boolean, province text, city text, district text, address text,
    contact text, telno text, mobile text, zip text, remark text, ext_warehouse_no text, coordinates jsonb, merged_into text,
    missing_in_wdt boolean, overrides jsonb, quality_flags jsonb, search_text text, search_bigrams text[], match_keys text[], created_at timestamptz,
    updated_at timestamptz)
  ON CONFLICT (golden_id) DO UPDATE SET ${COLUMNS.split(',')
    .slice(1)
    .map((c) => `${c.trim()} = EXCLUDED.${c.trim()}`)
    .join(', ')}
  WHERE golden_warehouses.version < EXCLUDED.version`;
