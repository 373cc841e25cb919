import { performance } from 'node:perf_hooks';
import { EventStore } from '../src/event-store/event-store';
import { alwaysLeader } from '../src/event-store/leader-lock';
import { CheckpointedProcessor } from '../src/event-store/processor';
import { SqlExecutor } from '../src/event-store/stored-event';
import { searchWarehouses } from '../src/warehouses/queries/search-warehouses.query';
import { generatedWarehouses } from '../src/warehouses/testing/generated-warehouses';
import { syncContext } from '../src/warehouses/testing/test-kit';
import { createWarehouses } from '../src/warehouses/warehouses.factory';
import { createTestDatabase } from '../test/support/test-database';
import { percentile, round } from './support';

const RECORDS = 10_000;
const BATCH = 1_000;
const QUERIES = 50;
/** Name/address fragments as stewards type them: 3+ characters, and 2-character words (no trigram to use). */
const LONG_FRAGMENTS = ['浦东新区冷链', '白云区电商仓', '航空路', '萧山区退货', '双流区中心仓', '工业大道', '前置仓12', '保税区路1'];
const SHORT_FRAGMENTS = ['冷链', '浦东', '萧山', '保税', '退货', '龙岗', '电商', '双流'];

/**
 * Golden-record search by a Chinese fragment (trigram GIN index, the API's query with its total
 * count) against the same SQL and a bare `WHERE name ILIKE` on an unindexed plain copy, measured in
 * the same run on the same 10,000 records. Also reports how long loading them took.
 */
export async function run(): Promise<Record<string, unknown>> {
  const db = await createTestDatabase('bench_search_golden');
  try {
    const sql = db.dataSource;
    const store = new EventStore(sql);
    const warehouses = createWarehouses(sql, store);
    const load = await timed(async () => {
      const all = generatedWarehouses(RECORDS);
      for (let i = 0; i < RECORDS; i += BATCH)
        await warehouses.observationRecorder.recordObservations(all.slice(i, i + BATCH), syncContext(`bench-${i}`));
    });
    const project = await timed(async () => {
      for (const p of warehouses.projections)
        await new CheckpointedProcessor(sql, store, p, alwaysLeader.forName(p.name), { batchSize: 1000 }).catchUp();
    });
    await sql.query(`CREATE TABLE golden_plain AS SELECT * FROM golden_warehouses`);
    await sql.query(`ANALYZE golden_warehouses; ANALYZE golden_plain`);
    const [{ n }] = await sql.query(`SELECT count(*)::int AS n FROM golden_warehouses`);
    const plan = (await sql.query(`EXPLAIN SELECT golden_id FROM golden_warehouses WHERE search_text ILIKE '%浦东新区冷链%'`))
      .map((r: Record<string, string>) => r['QUERY PLAN'])
      .join('\n');
    return {
      records: n,
      loadMsPer1000Observations: round(load / (RECORDS / BATCH)),
      projectAllMs: round(project),
      usesTrigramIndex: plan.includes('golden_warehouses_search'),
      targetMs: 50,
      fragmentsOf3PlusChars: await compare(sql, LONG_FRAGMENTS),
      fragmentsOf2Chars: await compare(sql, SHORT_FRAGMENTS),
    };
  } finally {
    await db.close();
  }
}

/** Each contender runs the same queries, interleaved so machine noise hits all alike. */
async function compare(sql: SqlExecutor, fragments: readonly string[]): Promise<Record<string, unknown>> {
  const contenders: Record<string, (q: string) => Promise<unknown>> = {
    indexedSearch: (q) => searchWarehouses(sql, { q, page: 1, pageSize: 20 }),
    sameQueryOnPlainCopy: (q) => plainSearch(sql, q),
    bareIlikeOnPlainCopy: (q) => sql.query(`SELECT golden_id, name FROM golden_plain WHERE name ILIKE $1`, [`%${q}%`]),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let i = 0; i < QUERIES; i++) {
    const q = fragments[i % fragments.length]!;
    for (const [name, search] of Object.entries(contenders)) times[name]!.push(await timed(() => search(q)));
  }
  const [{ hits }] = await sql.query(
    `SELECT round(avg(c))::int AS hits FROM (SELECT count(*) AS c FROM golden_warehouses, unnest($1::text[]) q WHERE search_text ILIKE '%' || q || '%' GROUP BY q) t`,
    [fragments],
  );
  return {
    averageMatches: hits,
    ...Object.fromEntries(
      Object.entries(times).map(([name, t]) => [name, { medianMs: round(percentile(t, 50)), p95Ms: round(percentile(t, 95)) }]),
    ),
  };
}

async function plainSearch(sql: SqlExecutor, q: string): Promise<unknown> {
  const where = `FROM golden_plain g LEFT JOIN warehouse_sync_status s ON s.golden_id = g.golden_id WHERE g.search_text ILIKE $1`;
  return Promise.all([
    sql.query(`SELECT g.*, COALESCE(s.status, 'pending') AS sync_status ${where} ORDER BY g.warehouse_no, g.golden_id LIMIT 20`, [
      `%${q}%`,
    ]),
    sql.query(`SELECT count(*)::int AS total ${where}`, [`%${q}%`]),
  ]);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
