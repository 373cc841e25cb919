import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../test/support/test-database';
import { runMode, type ModeOptions } from './pipeline/run-mode';
import { round, warehouseEventData } from './support';

/**
 * `npm run bench -- pipeline [--warehouses N] [--slow-warehouses N] [--modes a,b,c] [--hub-cpu-prof DIR]`: N new
 * warehouses from the WDT simulator through a hub (child process, the hub's default settings) to
 * the Kingdee simulator, in three modes: (a) PostgreSQL + Kafka, zero-latency simulators; (b) the
 * same with every Kingdee call taking 100 ms; (c) the embedded defaults (PGlite + embedded log).
 * Mode (a) then syncs again with nothing changed. Also BENCH_WAREHOUSES / BENCH_SLOW_WAREHOUSES / BENCH_MODES.
 */
export async function run(): Promise<Record<string, unknown>> {
  const warehouses = Number(process.env.BENCH_WAREHOUSES ?? 10_000);
  // At the old 26 per second, 10,000 would take over 6 minutes in mode (b): a smaller load unless told.
  const slowWarehouses = Number(process.env.BENCH_SLOW_WAREHOUSES ?? Math.min(warehouses, 2_000));
  const modes = (process.env.BENCH_MODES ?? 'a,b,c').split(',').map((m) => m.trim());
  const timeoutMs = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 400) * 1000;
  const plans: Record<string, ModeOptions> = {
    a: { label: 'a', warehouses, infrastructure: 'postgres+kafka', kingdeeDelayMs: 0, unchangedSync: true, timeoutMs },
    b: { label: 'b', warehouses: slowWarehouses, infrastructure: 'postgres+kafka', kingdeeDelayMs: 100, unchangedSync: false, timeoutMs },
    c: { label: 'c', warehouses, infrastructure: 'embedded', kingdeeDelayMs: 0, unchangedSync: false, timeoutMs },
  };
  const results: Record<string, Record<string, unknown>> = {};
  for (const mode of modes.filter((m) => plans[m])) {
    console.log(
      `  mode ${mode}: ${plans[mode]!.warehouses} warehouses, ${plans[mode]!.infrastructure}, Kingdee +${plans[mode]!.kingdeeDelayMs} ms`,
    );
    const start = performance.now();
    try {
      results[mode] = await runMode(plans[mode]!);
    } catch (error) {
      results[mode] = { ...plans[mode], error: (error as Error).message };
    }
    console.log(`  mode ${mode}: ${round((performance.now() - start) / 1000)} s`);
  }
  return {
    method:
      'hub in a child process with its default settings (except WDT_CALLS_PER_MINUTE=100000 and reconciliation off), fresh database, topics and sink group per mode; ' +
      'stage end = first 100 ms poll at which: pull = last WDT answer sent, record = sync run finished, project = every projection checkpoint at the head as of the sync end, ' +
      'publish = publisher checkpoint there, sink = Kingdee simulator holds N (polled every 300 ms) and the hub counts N warehouses synced. stageSeconds: project/publish from the sync end, sink from the publish end; ' +
      'recordsPerSecond = N / endSeconds. Kingdee/WDT calls counted in the simulators (WDT through a timing proxy). benchProcessCpuSeconds = simulators + polling, in the bench process.',
    modes: {
      a: 'PostgreSQL + Kafka, zero-latency simulators',
      b: `PostgreSQL + Kafka, 100 ms per Kingdee call${slowWarehouses !== warehouses ? ` (${slowWarehouses} warehouses to keep the run bounded)` : ''}`,
      c: 'embedded defaults: PGlite + embedded log',
    },
    rawBaseline: await rawInsertBaseline(warehouses),
    results,
    targets: targets(results),
  };
}

function targets(results: Record<string, Record<string, any>>) {
  const rate = (m: string) => results[m]?.endToEndRecordsPerSecond as number | undefined;
  const check = (value: number | undefined | null, ok: (v: number) => boolean) => ({
    value: value ?? null,
    met: value == null ? null : ok(value),
  });
  const measured = ['a', 'b', 'c'].filter((m) => results[m] && !results[m].error);
  return {
    'a: >= 1000 records/s end to end': check(rate('a'), (v) => v >= 1000),
    'b: >= 200 records/s with 100 ms Kingdee calls': check(rate('b'), (v) => v >= 200),
    'c: embedded >= 300 records/s': check(rate('c'), (v) => v >= 300),
    'Kingdee calls per record <= 0.05 (initial load, every mode)': check(
      Math.max(...measured.map((m) => results[m]!.kingdeeCallsPerRecord as number)),
      (v) => v <= 0.05,
    ),
    'WDT calls per record <= 0.011 (initial load, every mode)': check(
      Math.max(...measured.map((m) => results[m]!.wdtCallsPerRecord as number)),
      (v) => v <= 0.011,
    ),
    'unchanged sync appends nothing': check(results.a?.unchangedSync?.eventsAppended, (v) => v === 0),
    'unchanged sync hub-side < 2 s beyond WDT calls': check(results.a?.unchangedSync?.hubSideSeconds, (v) => v < 2),
    'peak RSS < 300 MB (every mode)': check(Math.max(...measured.map((m) => results[m]!.hubPeakRssMb as number)), (v) => v < 300),
  };
}

/** The ceiling on this machine today: N ~1 KB rows by multi-row INSERT (250 a statement) into a plain table. */
async function rawInsertBaseline(rows: number): Promise<Record<string, unknown>> {
  const db = await createTestDatabase('bench_pipeline_raw');
  try {
    if (db.embedded) return { skipped: 'no PostgreSQL server' };
    await db.dataSource.query(`CREATE TABLE raw_events (id bigserial PRIMARY KEY, event_id uuid, stream_id text, type text, data jsonb)`);
    const start = performance.now();
    for (let from = 0; from < rows; from += 250) {
      const params: unknown[] = [];
      const values: string[] = [];
      for (let i = from; i < Math.min(rows, from + 250); i++) {
        params.push(randomUUID(), `warehouse-wh_${i}`, 'WarehouseObservedInWdt', JSON.stringify(warehouseEventData(i)));
        const k = params.length;
        values.push(`($${k - 3},$${k - 2},$${k - 1},$${k})`);
      }
      await db.dataSource.query(`INSERT INTO raw_events (event_id, stream_id, type, data) VALUES ${values.join(',')}`, params);
    }
    const ms = performance.now() - start;
    return { rows, rawInsertRowsPerSecond: round((rows / ms) * 1000, 0), note: 'PostgreSQL server, same run' };
  } finally {
    await db.close();
  }
}
