import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { waitFor } from '../../../test/support/wait-for';
import { startWdtSimulator, WdtSimulator } from '../../simulators/wdt';
import { CallBudget } from '../wdt-client/call-budget';
import { openapiProtocol } from '../wdt-client/openapi-protocol';
import { WdtClient } from '../wdt-client/wdt-client';
import { WdtObservationRecorder } from '../../contracts/wdt-observation-recorder.port';
import { AdvisoryRunOwnership, InProcessRunOwnership, LEASE_APPLICATION_NAME } from './run-ownership';
import { WdtSyncAlreadyRunningError } from './sync-run-repository';
import type { HoldArgs } from './testing/hold-sync-run';
import { WdtSyncRunner } from './wdt-sync-runner';

/** How soon after its owner died a new sync must be accepted. */
const ACCEPTED_WITHIN_MS = 5_000;

let db: TestDatabase;
let sim: WdtSimulator;
let flagCalls = 0;
const recorder: WdtObservationRecorder = {
  recordObservations: async (list) =>
    list.map((w) => ({ warehouseNo: w.warehouseNo, goldenId: w.warehouseNo, outcome: 'created', changedFields: [] })),
  flagMissing: async () => {
    flagCalls += 1;
    return [];
  },
  previewMissing: async () => ({ codes: [], known: 0 }),
  reportListingCheck: async () => undefined,
};

function runner(): WdtSyncRunner {
  const c = sim.credentials;
  const client = new WdtClient(openapiProtocol({ baseUrl: sim.openapiBaseUrl, sid: c.sid, appkey: c.appkey, appsecret: c.appsecret }), {
    pageSize: 20,
    budget: new CallBudget(100_000),
    sleep: async () => undefined,
  });
  return new WdtSyncRunner({ client, recorder, db: db.dataSource, ownership: new AdvisoryRunOwnership(db.url) });
}

/** Terminates every lease connection and waits until their backends are gone (their locks with them). */
async function terminateLeaseConnections(): Promise<number> {
  const rows = (await db.dataSource.query(
    `SELECT pg_terminate_backend(pid, 5000) AS ok FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
    [LEASE_APPLICATION_NAME],
  )) as { ok: boolean }[];
  return rows.filter((r) => r.ok).length;
}

/** Keeps asking for a new run until one is accepted; returns how long that took. */
async function acceptedAfter(startedWaiting: number): Promise<{ ms: number; runId: string }> {
  const started = await waitFor(
    () =>
      runner()
        .start('api')
        .catch((e: unknown) => (e instanceof WdtSyncAlreadyRunningError ? undefined : Promise.reject(e))),
    'a new sync to be accepted',
    ACCEPTED_WITHIN_MS,
  );
  const ms = Date.now() - startedWaiting;
  assert.equal((await started.completion).status, 'succeeded');
  return { ms, runId: started.runId };
}

describe('WDT sync runs are owned by a live process (PostgreSQL session advisory lock)', { skip: !process.env.TEST_DATABASE_URL }, () => {
  before(async () => {
    db = await createTestDatabase('wdt_sync_lease');
    sim = await startWdtSimulator({ warehouses: 60, seed: 3 });
  });
  after(async () => {
    await sim.stop();
    await db.close();
  });
  beforeEach(() => {
    sim.admin.reset();
    flagCalls = 0;
  });

  it('a hub SIGKILLed mid-sync: the next sync is accepted within seconds and the dead run is abandoned', async (t) => {
    sim.admin.slowPages(60_000);
    const { sid, appkey, appsecret } = sim.credentials;
    const args: HoldArgs = { databaseUrl: db.url, wdt: { baseUrl: sim.openapiBaseUrl, sid, appkey, appsecret } };
    const child = spawn(process.execPath, [path.join(__dirname, 'testing', 'hold-sync-run.js'), JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadRunId = (await waitFor(
        () => /running (\S+)/.exec(output)?.[1] ?? (child.exitCode !== null ? 'exited' : undefined),
        'the child run',
        30_000,
      ))!;
      assert.notEqual(deadRunId, 'exited', output);
      await assert.rejects(runner().start('api'), (e: unknown) => e instanceof WdtSyncAlreadyRunningError && e.runningId === deadRunId);

      child.kill('SIGKILL');
      await exited;
      const killedAt = Date.now();
      sim.admin.slowPages(0);
      const { ms, runId } = await acceptedAfter(killedAt);
      assert.ok(ms < ACCEPTED_WITHIN_MS, `accepted after ${ms} ms`);
      t.diagnostic(`new sync accepted ${ms} ms after the SIGKILL`);

      const dead = await runner().findRun(deadRunId);
      assert.equal(dead?.status, 'abandoned');
      assert.equal(dead?.errorCode, 'wdt_sync_abandoned');
      assert.match(dead!.error!, /the hub that ran it stopped/);
      assert.ok(dead!.finishedAt!.getTime() <= (await runner().findRun(runId))!.startedAt.getTime());
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it("the owner's connection terminated: the next sync is accepted within seconds, the old run abandoned", async () => {
    // A hub that registered its run and then went silent: only its lease connection speaks for it.
    const lease = (await new AdvisoryRunOwnership(db.url).tryAcquire())!;
    assert.ok(lease);
    await db.dataSource.query(`INSERT INTO wdt_sync_runs (id, trigger, status, started_at, heartbeat_at, correlation_id, actor)
      VALUES ('00000000-0000-4000-8000-0000000000aa', 'cli', 'running', now(), now(), 'c', 'cli')`);
    await assert.rejects(runner().start('api'), WdtSyncAlreadyRunningError);
    assert.equal(await new AdvisoryRunOwnership(db.url).tryAcquire(), undefined, 'one lease at a time');

    assert.equal(await terminateLeaseConnections(), 1);
    const { ms } = await acceptedAfter(Date.now());
    assert.ok(ms < ACCEPTED_WITHIN_MS, `accepted after ${ms} ms`);
    assert.equal((await runner().findRun('00000000-0000-4000-8000-0000000000aa'))?.status, 'abandoned');
    assert.equal(lease.lost.aborted, true, 'the holder learns it lost the lease');
    assert.equal(await lease.stillHeld(), false);
    await lease.release();
  });

  it('a live run whose lease connection dies stops before flagging anything, so two runs never overlap', async () => {
    sim.admin.slowPages(50);
    const first = await runner().start('schedule');
    await waitFor(async () => (await runner().findRun(first.runId))!.pages >= 1, 'the first page');
    assert.equal(await terminateLeaseConnections(), 1);
    sim.admin.slowPages(0);
    const summary = await first.completion;
    assert.equal(flagCalls, 0);
    // Either it closed itself (lease lost) or a new run closed it first (abandoned): never succeeded.
    assert.ok(['failed', 'abandoned'].includes(summary.status), summary.status);
    if (summary.status === 'failed') assert.equal(summary.errorCode, 'wdt_sync_lease_lost');
    assert.equal((await runner().run('api')).status, 'succeeded');
    assert.equal(flagCalls, 1);
  });
});

describe('InProcessRunOwnership (embedded PGlite: one process owns the database)', () => {
  it('hands out one lease at a time in the process and takes it back on release', async () => {
    const lease = await new InProcessRunOwnership().tryAcquire();
    assert.ok(lease);
    assert.equal(await new InProcessRunOwnership().tryAcquire(), undefined);
    assert.equal(await lease.stillHeld(), true);
    await lease.release();
    await lease.release();
    assert.equal(await lease.stillHeld(), false);
    const again = await new InProcessRunOwnership().tryAcquire();
    assert.ok(again);
    await again.release();
  });
});
