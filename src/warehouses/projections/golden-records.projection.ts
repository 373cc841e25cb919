import { GOLDEN_RECORD_FIELDS, GoldenValueType, goldenFieldSpec } from '../../contracts/golden-field-catalogue';
import { GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import { EventStore } from '../../event-store/event-store';
import { PerStreamRebuild } from '../../event-store/per-stream-rebuild';
import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { matchKeys } from '../domain/match-keys';
import { publishedRecord } from '../domain/published-record';
import { searchGrams } from '../../shared/domain/similarity';
import { toHalfWidth } from '../../shared/domain/text';
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

  /** The store reads the events a kept fold lacks, with the app's upcasters. */
  constructor(private readonly store: EventStore) {}
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
    await this.write(await foldTouched(this.store, events, tx), tx);
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
    ...goldenColumnValues(r),
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

/** The record's columns, as the field catalogue names them, and their types in the recordset. */
const GOLDEN_COLUMNS = GOLDEN_RECORD_FIELDS.map((f) => ({ field: f, ...goldenFieldSpec(f) }));
const SQL_TYPES: Readonly<Record<GoldenValueType, string>> = {
  code: 'text',
  text: 'text',
  optionalText: 'text',
  optionalInteger: 'int',
  status: 'text',
  boolean: 'boolean',
  optionalCoordinates: 'jsonb',
  optionalGoldenId: 'text',
};

function goldenColumnValues(r: GoldenWarehouseRecord): Record<string, unknown> {
  return Object.fromEntries(GOLDEN_COLUMNS.map((c) => [c.column, r[c.field]]));
}

const COLUMN_TYPES: readonly (readonly [string, string])[] = [
  ['golden_id', 'text'],
  ['version', 'int'],
  ['record_version', 'int'],
  ['published_version', 'int'],
  ...GOLDEN_COLUMNS.map((c) => [c.column, SQL_TYPES[c.valueType]] as const),
  ['missing_in_wdt', 'boolean'],
  ['overrides', 'jsonb'],
  ['quality_flags', 'jsonb'],
  ['search_text', 'text'],
  ['search_bigrams', 'text[]'],
  ['match_keys', 'text[]'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const COLUMNS = COLUMN_TYPES.map(([column]) => column).join(', ');
const UPSERT = `
  INSERT INTO golden_warehouses (${COLUMNS})
  SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMN_TYPES.map(([column, type]) => `${column} ${type}`).join(', ')})
  ON CONFLICT (golden_id) DO UPDATE SET ${COLUMN_TYPES.slice(1)
    .map(([column]) => `${column} = EXCLUDED.${column}`)
    .join(', ')}
  WHERE golden_warehouses.version < EXCLUDED.version`;
