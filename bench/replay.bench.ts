import { performance } from 'node:perf_hooks';
import { EventStore } from '../src/event-store/event-store';
import { ProjectionReplayer } from '../src/replay/projection-replayer';
import { warehouseProjections } from '../src/warehouses/projections';
import { createTestDatabase } from '../test/support/test-database';
import { round } from './support';
import { eventTemplates, generateEvents } from './replay-events';

const STREAMS = Number(process.env.BENCH_REPLAY_STREAMS ?? 100_000);
const VERSIONS = Number(process.env.BENCH_REPLAY_VERSIONS ?? 10);
const BATCH = Number(process.env.BENCH_REPLAY_BATCH ?? 5000);

/** The read models folded from whole golden-record streams: the searchable records and their Kingdee sync status. */
const FOLDED = ['golden_warehouses', 'warehouse_sync_status'];

/**
 * Rebuilds the read models folded from golden-record streams (FOLDED, by whichever projections
 * write them; the real projection code, through the real replayer: shadow tables, per-stream start, swap) from STREAMS × VERSIONS events shaped by the warehouses
 * decider itself, and a plain keyset scan of the same events as the baseline, in the same run.
 * Peak RSS is sampled while the replay runs.
 */
export async function run(): Promise<Record<string, unknown>> {
  const db = await createTestDatabase('bench_replay');
  try {
    const sql = db.dataSource;
    const generated = await timed(() => generateEvents(sql, eventTemplates(), STREAMS, VERSIONS));
    // As autovacuum would have by now (inserts trigger it since PostgreSQL 13): statistics and the visibility map.
    await sql.query('VACUUM (ANALYZE) events');
    const [{ n: events }] = await sql.query(`SELECT count(*)::int AS n FROM events`);
    const store = new EventStore(sql);
    const replayer = new ProjectionReplayer(sql, store);
    // The replay runs first, so the pages the raw scan leaves on the heap do not count as its memory.
    const rssBefore = process.memoryUsage().rss;
    const rss = sampleRss();
    const projections = warehouseProjections(store).filter((p) => p.tables?.some((t) => FOLDED.includes(t)));
    const replay = await timed(async () => {
      const results = [];
      for (const projection of projections) results.push(await replayer.replay(projection, { batchSize: BATCH }));
      return { perStreamEvents: results.reduce((n, r) => n + r.perStreamEvents, 0) };
    });
    const peakRss = rss.stop();
    const scan = await timed(() => rawScan(sql, BATCH));
    for (const table of FOLDED) {
      const [{ n: rows }] = await sql.query(`SELECT count(*)::int AS n FROM ${table}`);
      if (rows !== STREAMS) throw new Error(`expected ${STREAMS} rows in ${table} after the replay, found ${rows}`);
    }
    return {
      database: db.embedded ? 'embedded PGlite' : 'PostgreSQL server',
      events,
      streams: STREAMS,
      versionsPerStream: VERSIONS,
      batchSize: BATCH,
      projections: projections.map((p) => p.name),
      generateSeconds: round(generated.ms / 1000, 1),
      replay: {
        seconds: round(replay.ms / 1000, 1),
        eventsPerSecond: round((events / replay.ms) * 1000, 0),
        peakRssMB: round(peakRss / 2 ** 20, 0),
        rssBeforeMB: round(rssBefore / 2 ** 20, 0),
        perStreamEvents: replay.value.perStreamEvents,
      },
      rawScan: { seconds: round(scan.ms / 1000, 1), rowsPerSecond: round((events / scan.ms) * 1000, 0) },
      ratio: round(scan.ms / replay.ms, 3),
      targets: { seconds: 60, peakRssMB: 300 },
      meetsTargets: replay.ms < 60_000 && peakRss < 300 * 2 ** 20,
    };
  } finally {
    await db.close();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** The baseline: every event row read in pages of the same size, nothing done with it. */
async function rawScan(sql: { query(q: string, p?: unknown[]): Promise<any> }, batch: number): Promise<void> {
  for (let last = '0', page: { global_position: string }[] = []; ; last = page.at(-1)!.global_position) {
    page = await sql.query(`SELECT * FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`, [last, batch]);
    if (page.length === 0) return;
  }
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}
