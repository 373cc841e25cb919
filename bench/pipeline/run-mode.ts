import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startKingdeeSimulator } from '../../src/simulators/kingdee';
import { startWdtSimulator } from '../../src/simulators/wdt';
import { spawnHub, type ChildHub } from '../../test/e2e/support/child-hub';
import { ADMIN_KEY, HubApi, kafkaEnv } from '../../test/e2e/support/pipeline-harness';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { round } from '../support';
import { positionReader, type Positions } from './positions';
import { startWdtTimingProxy } from './wdt-timing-proxy';

export interface ModeOptions {
  readonly label: string;
  readonly warehouses: number;
  /** PostgreSQL server + Kafka, or the embedded defaults (PGlite + the embedded log). */
  readonly infrastructure: 'postgres+kafka' | 'embedded';
  readonly kingdeeDelayMs: number;
  /** Then sync again with nothing changed in WDT. */
  readonly unchangedSync: boolean;
  readonly timeoutMs: number;
}

const POLL_MS = 100;

/**
 * One pipeline run: fresh simulators, a fresh database (and topics/sink group), a hub in a child
 * process (so its peak RSS is its own), one WDT sync of N new warehouses, then polling positions
 * until Kingdee holds all N. Stage end times are the first poll at which each position was reached.
 */
export async function runMode(options: ModeOptions): Promise<Record<string, unknown>> {
  const cpuBefore = process.cpuUsage();
  const loadBefore = os.loadavg()[0]!;
  const wdt = await startWdtSimulator({ port: 0, warehouses: options.warehouses, seed: 2026 });
  const kingdee = await startKingdeeSimulator({ port: 0 });
  const proxy = await startWdtTimingProxy(wdt.url);
  let db: TestDatabase | undefined;
  let dataDir: string | undefined;
  let hub: ChildHub | undefined;
  try {
    if (options.kingdeeDelayMs > 0) kingdee.admin.slowResponses(options.kingdeeDelayMs);
    let infra: Record<string, string>;
    if (options.infrastructure === 'embedded') {
      dataDir = mkdtempSync(path.join(tmpdir(), 'mdm-bench-'));
      infra = { MDM_DATA_DIR: dataDir };
    } else {
      db = await createTestDatabase(`bench_pipeline_${options.label}`);
      infra = { DATABASE_URL: db.url, ...kafkaEnv(`bench-${options.label}`) };
    }
    // --hub-cpu-prof DIR: the hub writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
    const dir = process.env.BENCH_HUB_CPU_PROF;
    hub = await spawnHub({ ...hubEnv(wdt, kingdee, proxy.url), ...infra }, 180_000, dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
    const api = new HubApi(hub.url);
    const read = await positionReader(api, db?.dataSource);
    const before = await read();
    kingdee.admin.clearCalls();
    proxy.reset();

    const t0 = performance.now();
    const { runId } = await api.call('POST', '/sync/wdt');
    const at: Partial<Record<'record' | 'project' | 'publish' | 'kingdee' | 'sink', number>> = {};
    let syncHead: bigint | undefined;
    let run: Record<string, unknown> | undefined;
    let last: Positions = before;
    const deadline = t0 + options.timeoutMs;
    let polls = 0;
    while (at.sink === undefined || at.publish === undefined || at.project === undefined) {
      // A slow mode still reports the stages it got through.
      if (performance.now() > deadline) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
      const now = performance.now() - t0;
      if (at.record === undefined) {
        run = (await api.call('GET', `/sync/wdt/runs/${runId}`)) as Record<string, unknown>;
        if (run.status !== 'running') {
          if (run.status !== 'succeeded') throw new Error(`the sync run ended ${String(run.status)}: ${JSON.stringify(run)}`);
          at.record = now;
        }
      }
      last = await read();
      if (at.record !== undefined) {
        syncHead ??= last.head;
        if (at.project === undefined && last.projections !== undefined && last.projections >= syncHead) at.project = now;
        if (at.publish === undefined && last.publisher !== undefined && last.publisher >= syncHead) at.publish = now;
      }
      // Copying every stock is the simulator's cost, not the hub's: look only every few polls. The sink
      // is done once Kingdee holds N and the hub has recorded every result (sync status synced).
      if (at.kingdee === undefined && polls++ % 3 === 0 && kingdee.admin.stocks().length >= options.warehouses) at.kingdee = now;
      if (at.kingdee !== undefined && (await api.countWarehouses('synced')) >= options.warehouses) at.sink = performance.now() - t0;
    }
    const timedOut = at.sink === undefined || at.publish === undefined || at.project === undefined;
    const wdtStats = proxy.stats();
    const kingdeeCalls = kingdee.admin.callCounts();
    const synced = await api.countWarehouses('synced');
    const n = options.warehouses;
    const kingdeeTotal = Object.values(kingdeeCalls).reduce((a, b) => a + b, 0);
    const stage = (ms: number | undefined, from = 0) =>
      ms === undefined
        ? null
        : { endSeconds: round(ms / 1000), stageSeconds: round((ms - from) / 1000), recordsPerSecond: round((n / ms) * 1000, 0) };
    const result: Record<string, unknown> = {
      warehouses: n,
      ...(timedOut
        ? {
            error: `timed out after ${options.timeoutMs / 1000} s; the stages not reached are null`,
            kingdeeStocksAtTimeout: kingdee.admin.stocks().length,
          }
        : {}),
      infrastructure: options.infrastructure,
      kingdeeDelayMs: options.kingdeeDelayMs,
      eventsAppended: Number(last.head - before.head),
      syncRun: run ? pick(run, ['status', 'pages', 'seen', 'created', 'changed', 'unchanged', 'failed']) : null,
      stages: {
        pull: {
          endSeconds: round((wdtStats.lastEnd! - t0) / 1000),
          insideWdtCallsSeconds: round(wdtStats.busyMs / 1000),
          recordsPerSecond: round((n / (wdtStats.lastEnd! - t0)) * 1000, 0),
        },
        record: stage(at.record),
        project: stage(at.project, at.record),
        publish: stage(at.publish, at.record),
        sink: { ...stage(at.sink, at.publish), kingdeeHoldsAllSeconds: at.kingdee === undefined ? null : round(at.kingdee / 1000) },
      },
      endToEndSeconds: at.sink === undefined ? null : round(at.sink / 1000),
      endToEndRecordsPerSecond: at.sink === undefined ? null : round((n / at.sink) * 1000, 0),
      syncedInHub: synced,
      wdtCalls: wdtStats.calls,
      wdtCallsPerRecord: round(wdtStats.calls / n, 4),
      kingdeeCalls: kingdeeCalls,
      kingdeeCallsPerRecord: round(kingdeeTotal / n, 4),
      hubPeakRssMb: peakRssMb(hub.process.pid),
    };
    if (options.unchangedSync && !timedOut) result.unchangedSync = await unchangedSync(api, read, proxy);
    result.benchProcessCpuSeconds = cpuSeconds(cpuBefore);
    // The machine is shared: a load far above its cores means the figures are pessimistic.
    result.loadAverage1m = { before: round(loadBefore), after: round(os.loadavg()[0]!), cores: os.cpus().length };
    return result;
  } finally {
    await hub?.stop().catch(() => undefined);
    await Promise.all([wdt.stop(), kingdee.stop(), proxy.stop()]);
    await db?.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Syncs again with nothing changed in WDT: nothing may be appended; the hub's own time is the run's minus the WDT calls'. */
async function unchangedSync(api: HubApi, read: () => Promise<Positions>, proxy: Awaited<ReturnType<typeof startWdtTimingProxy>>) {
  const before = (await read()).head;
  proxy.reset();
  const t0 = performance.now();
  const run = await api.sync(300_000);
  const wallMs = performance.now() - t0;
  const wdt = proxy.stats();
  const runMs = new Date(run.finishedAt as string).getTime() - new Date(run.startedAt as string).getTime();
  const hubSideSeconds = round((runMs - wdt.busyMs) / 1000);
  return {
    eventsAppended: Number((await read()).head - before),
    runSeconds: round(runMs / 1000),
    wallSecondsIncludingPolling: round(wallMs / 1000),
    insideWdtCallsSeconds: round(wdt.busyMs / 1000),
    hubSideSeconds,
    wdtCalls: wdt.calls,
    syncRun: pick(run, ['status', 'pages', 'seen', 'changed', 'unchanged']),
  };
}

function hubEnv(
  wdt: Awaited<ReturnType<typeof startWdtSimulator>>,
  kingdee: Awaited<ReturnType<typeof startKingdeeSimulator>>,
  wdtUrl: string,
): Record<string, string> {
  const c = wdt.credentials;
  const u = kingdee.user;
  // Everything else (page size, batch size, look-up style, concurrency) stays at the hub's defaults: that is what is measured.
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    MDM_API_KEYS: `bench:admin:${ADMIN_KEY}`,
    WDT_MODE: 'openapi',
    WDT_BASE_URL: `${wdtUrl}/openapi2`,
    WDT_SID: c.sid,
    WDT_APPKEY: c.appkey,
    WDT_APPSECRET: c.appsecret,
    WDT_POLL_INTERVAL: '0',
    // The default quota (60 a minute) protects a real WDT account; the simulator has none to protect.
    WDT_CALLS_PER_MINUTE: '100000',
    MDM_RECONCILE_INTERVAL: '0',
    KINGDEE_BASE_URL: kingdee.url,
    KINGDEE_ACCT_ID: u.acctId,
    KINGDEE_USERNAME: u.username,
    KINGDEE_PASSWORD: u.password,
  };
}

/** Linux: the process's high-water resident set (VmHWM); null elsewhere. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : round(Number(kb) / 1024, 0);
  } catch {
    return null;
  }
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return round((used.user + used.system) / 1e6);
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
