import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { startWdtSimulator, WdtSimulator } from '../../simulators/wdt';
import { CallBudget } from '../wdt-client/call-budget';
import { openapiProtocol } from '../wdt-client/openapi-protocol';
import { qimenProtocol } from '../wdt-client/qimen-protocol';
import { WdtClient } from '../wdt-client/wdt-client';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { codeOf } from '../../shared/domain/warehouse-code';
import { ObservationOutcome, WdtListingCheck, WdtObservationRecorder } from '../../contracts/wdt-observation-recorder.port';
import { AdvisoryRunOwnership, InProcessRunOwnership } from './run-ownership';
import { SyncProgress } from './sync-run';
import { WdtSyncAlreadyRunningError } from './sync-run-repository';
import { WdtSyncRunner, WdtSyncRunnerOptions } from './wdt-sync-runner';

/**
 * Remembers what it was given; "created" the first time a code is seen, else "changed". Knows the
 * codes it was given (plus `known`) as the warehouses feature knows its reservations.
 */
class MemoryRecorder implements WdtObservationRecorder {
  readonly observed: WdtWarehouse[] = [];
  readonly flagCalls: ReadonlySet<string>[] = [];
  readonly flagged = new Set<string>();
  readonly checks: WdtListingCheck[] = [];
  constructor(readonly known = new Set<string>()) {}
  async recordObservations(observations: readonly WdtWarehouse[]): Promise<ObservationOutcome[]> {
    return observations.map((o) => {
      const known = this.observed.some((x) => codeOf(x.warehouseNo) === codeOf(o.warehouseNo));
      this.observed.push(o);
      this.known.add(codeOf(o.warehouseNo));
      this.flagged.delete(codeOf(o.warehouseNo));
      return { warehouseNo: o.warehouseNo, goldenId: o.warehouseNo, outcome: known ? 'changed' : 'created', changedFields: [] };
    });
  }
  async flagMissing(seen: ReadonlySet<string>): Promise<string[]> {
    this.flagCalls.push(new Set(seen));
    const codes = (await this.previewMissing(seen)).codes;
    codes.forEach((c) => this.flagged.add(c));
    return codes;
  }
  async previewMissing(seen: ReadonlySet<string>) {
    return { codes: [...this.known].filter((c) => !seen.has(c) && !this.flagged.has(c)), known: this.known.size };
  }
  async reportListingCheck(check: WdtListingCheck) {
    this.checks.push(check);
  }
  count(no: string) {
    return this.observed.filter((o) => o.warehouseNo === no).length;
  }
}

let db: TestDatabase;
let sim: WdtSimulator;
let recorder: MemoryRecorder;

function runner(options: WdtSyncRunnerOptions = {}, secret = sim.credentials.appsecret, onProgress?: (p: SyncProgress) => void) {
  const client = new WdtClient(
    openapiProtocol({ baseUrl: sim.openapiBaseUrl, sid: sim.credentials.sid, appkey: sim.credentials.appkey, appsecret: secret }),
    {
      pageSize: 20,
      budget: new CallBudget(100_000),
      sleep: async () => undefined,
    },
  );
  return new WdtSyncRunner({ client, recorder, db: db.dataSource, ownership: ownership(), onProgress, options });
}
const ownership = () => (db.embedded ? new InProcessRunOwnership() : new AdvisoryRunOwnership(db.url));
const allNos = () =>
  sim.admin
    .listWarehouses()
    .map((w) => w.warehouse_no)
    .sort();

describe('WdtSyncRunner on PostgreSQL against the simulator', () => {
  before(async () => {
    db = await createTestDatabase('wdt_sync_runner');
    sim = await startWdtSimulator({ warehouses: 95, seed: 5 });
  });
  after(async () => {
    await sim.stop();
    await db.close();
  });
  beforeEach(async () => {
    sim.admin.reset();
    recorder = new MemoryRecorder();
    await db.dataSource.query(`DELETE FROM wdt_sync_runs`);
    await db.dataSource.query(`DELETE FROM wdt_last_seen`);
  });

  it('records every warehouse once, enabled and disabled, then flags against all of them', async () => {
    const progress: SyncProgress[] = [];
    const summary = await runner({}, undefined, (p) => progress.push(p)).run('cli');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.deepEqual(recorder.observed.map((o) => o.warehouseNo).sort(), allNos());
    assert.deepEqual([...recorder.flagCalls[0]!].sort(), allNos());
    assert.equal(summary.seen, 95);
    assert.equal(summary.created, 95);
    assert.equal(summary.passes, 2);
    assert.equal(summary.trigger, 'cli');
    assert.ok(summary.finishedAt);
    assert.ok(progress.at(-1)!.page === summary.pages && progress.some((p) => p.pages !== undefined));
    assert.deepEqual(
      (await runner().latestRuns(5)).map((r) => r.id),
      [summary.id],
    );
  });

  it('pulls through 企业奇门 just the same', async () => {
    const c = sim.credentials;
    const client = new WdtClient(
      qimenProtocol({ url: sim.qimenUrl, appKey: c.qimenAppKey, secret: c.qimenSecret, targetAppKey: c.qimenTargetAppKey, sid: c.sid }),
      {
        pageSize: 30,
        budget: new CallBudget(100_000),
      },
    );
    const summary = await new WdtSyncRunner({ client, recorder, db: db.dataSource, ownership: ownership() }).run('cli');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.deepEqual(recorder.observed.map((o) => o.warehouseNo).sort(), allNos());
  });

  it('survives a row inserted on page 0 while later pages are read: each warehouse once, no false flags', async () => {
    sim.admin.shiftRowsDuringPull(1);
    const summary = await runner().run('schedule');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.equal(summary.passes, 3, 'the enabled listing was read twice');
    assert.deepEqual(recorder.observed.map((o) => o.warehouseNo).sort(), allNos());
    assert.ok(allNos().every((no) => recorder.count(no) === 1));
    assert.deepEqual([...recorder.flagCalls[0]!].sort(), allNos());
  });

  it('finds a row that slid past a pull whose counts still added up, before flagging', async () => {
    assert.equal((await runner().run('cli')).status, 'succeeded');
    recorder = new MemoryRecorder();
    const enabled = sim.admin.listWarehouses().filter((w) => w.is_disabled === 0);
    const deleted = enabled[0]!.warehouse_no;
    const slid = enabled[20]!.warehouse_no;
    let done = false;
    const summary = await runner({}, undefined, (p) => {
      if (p.page !== 1 || done) return;
      done = true;
      sim.admin.deleteWarehouse(deleted); // already read: rows slide forward, `slid` onto page 0
      sim.admin.addWarehouse({ warehouse_no: 'LATE-1' }); // not yet read: keeps the total unchanged
    }).run('cli');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.equal(recorder.count(slid), 1, 'looked up by warehouse_no');
    const seen = recorder.flagCalls[0]!;
    assert.ok(seen.has(slid) && seen.has('LATE-1'));
    // Read on page 0 before it went: seen this run, so flagged by the next one, never falsely.
    assert.ok(seen.has(deleted));
  });

  it('gives up on a list that keeps moving, records what it read and flags nothing', async () => {
    // After every page a warehouse already read is deleted, so a row slides onto a read page.
    const summary = await runner({ maxPasses: 2 }, undefined, () => {
      const first = sim.admin.listWarehouses().find((w) => w.is_disabled === 0)!;
      sim.admin.deleteWarehouse(first.warehouse_no);
    }).run('cli');
    assert.equal(summary.status, 'failed');
    assert.equal(summary.errorCode, 'wdt_pull_incomplete');
    assert.ok(recorder.observed.length > 0);
    assert.equal(recorder.flagCalls.length, 0);
  });

  it('fails with one clear line on a wrong secret and records nothing', async () => {
    const summary = await runner({}, 'not-the-secret').run('api', { actor: 'api:ops' });
    assert.equal(summary.status, 'failed');
    assert.equal(summary.errorCode, 'wdt_credentials_rejected');
    assert.match(
      summary.error!,
      /^WDT rejected the credentials or signature on page 0 \(code 2030: 签名错误\): check WDT_SID, WDT_APPKEY and WDT_APPSECRET$/,
    );
    assert.equal(summary.actor, 'api:ops');
    assert.deepEqual(recorder.observed, []);
    assert.equal(recorder.flagCalls.length, 0);
  });

  it('fails on a malformed page, keeping the pages before it and flagging nothing', async () => {
    sim.admin.malformedPage(2);
    const summary = await runner().run('cli');
    assert.equal(summary.status, 'failed');
    assert.equal(summary.errorCode, 'wdt_malformed_response');
    assert.match(summary.error!, /page 2/);
    assert.equal(recorder.observed.length, 40);
    assert.equal(summary.pages, 2);
    assert.equal(recorder.flagCalls.length, 0);
  });

  it('fails a run with undecodable rows after recording the rest, flagging nothing', async () => {
    sim.admin.addWarehouse({ warehouse_no: '', is_disabled: 0 });
    const summary = await runner().run('cli');
    assert.equal(summary.status, 'failed');
    assert.equal(summary.errorCode, 'wdt_invalid_row');
    assert.equal(summary.failed, 1);
    assert.equal(recorder.observed.length, 95);
    assert.equal(recorder.flagCalls.length, 0);
  });

  it('allows one run at a time', async () => {
    sim.admin.slowPages(100);
    const first = await runner().start('schedule');
    await assert.rejects(runner().start('api'), (e: unknown) => e instanceof WdtSyncAlreadyRunningError && e.runningId === first.runId);
    sim.admin.slowPages(0);
    assert.equal((await first.completion).status, 'succeeded');
    assert.equal((await runner().run('cli')).status, 'succeeded', 'the lease was released with the run');
  });

  it('closes a run left running by a stopped process as abandoned, and starts at once', async () => {
    await db.dataSource.query(`INSERT INTO wdt_sync_runs (id, trigger, status, started_at, heartbeat_at, correlation_id, actor)
      VALUES ('00000000-0000-4000-8000-000000000001', 'cli', 'running', now(), now(), 'c', 'cli')`);
    assert.equal((await runner().run('cli')).status, 'succeeded');
    const abandoned = await runner().findRun('00000000-0000-4000-8000-000000000001');
    assert.equal(abandoned?.status, 'abandoned');
    assert.equal(abandoned?.errorCode, 'wdt_sync_abandoned');
    assert.match(abandoned!.error!, /the hub that ran it stopped/);
  });

  it('stops between pages when aborted, flagging nothing', async () => {
    const controller = new AbortController();
    const summary = await runner({}, undefined, (p) => p.page === 1 && controller.abort()).run('cli', { signal: controller.signal });
    assert.equal(summary.status, 'failed');
    assert.equal(summary.errorCode, 'wdt_sync_cancelled');
    assert.equal(recorder.flagCalls.length, 0);
  });

  describe('missing flags only on evidence', () => {
    const enabledNos = () =>
      sim.admin
        .listWarehouses()
        .filter((w) => w.is_disabled === 0)
        .map((w) => w.warehouse_no);
    const lookUps = () => sim.admin.calls().filter((c) => c.warehouseNo !== undefined);

    it('flags nothing when page 0 came without total_count (the listing cannot be proven complete)', async () => {
      assert.equal((await runner().run('cli')).status, 'succeeded');
      sim.admin.deleteWarehouse(enabledNos()[3]!);
      sim.admin.setFaults({ omitTotalCount: true });
      const summary = await runner().run('cli');
      assert.equal(summary.status, 'succeeded', summary.error);
      assert.equal(recorder.flagCalls.length, 1, 'only the first run flagged');
      assert.equal(summary.missing, 0);
      sim.admin.setFaults({ omitTotalCount: false });
      assert.equal((await runner().run('cli')).missing, 1, 'a counted listing then flags it');
    });

    it('looks every absentee up by warehouse_no (enabled, then disabled), more than 20 of them, before flagging', async () => {
      assert.equal((await runner().run('cli')).status, 'succeeded');
      const gone = enabledNos().slice(0, 30);
      gone.forEach((no) => sim.admin.deleteWarehouse(no));
      sim.admin.clearCalls();
      const summary = await runner({ maxMissingShare: 0.5 }).run('cli');
      assert.equal(summary.status, 'succeeded', summary.error);
      assert.deepEqual([...new Set(lookUps().map((c) => c.warehouseNo))].sort(), [...gone].sort());
      assert.equal(lookUps().length, 60, 'each code: enabled, then disabled');
      assert.equal(summary.missing, 30);
      assert.deepEqual([...recorder.flagged].sort(), [...gone].sort());
      assert.deepEqual(recorder.checks.at(-1), { outcome: 'trusted' });
    });

    it('flags none and reports the listing truncated when more than the allowed share would be flagged', async () => {
      assert.equal((await runner().run('cli')).status, 'succeeded');
      const gone = enabledNos().slice(0, 20); // 20 of 95 > 20 %
      gone.forEach((no) => sim.admin.deleteWarehouse(no));
      sim.admin.clearCalls();
      const summary = await runner().run('cli');
      assert.deepEqual(lookUps(), [], 'held back before spending a WDT call per code');
      assert.equal(summary.status, 'succeeded', summary.error);
      assert.equal(summary.missing, 0);
      assert.equal(recorder.flagCalls.length, 1, 'flagMissing was not called again');
      assert.equal(recorder.flagged.size, 0);
      const check = recorder.checks.at(-1);
      assert.equal(check?.outcome, 'truncated');
      assert.deepEqual(check.outcome === 'truncated' && { wouldFlag: check.wouldFlag, known: check.known, maxShare: check.maxShare }, {
        wouldFlag: 20,
        known: 95,
        maxShare: 0.2,
      });
      // 19 of 95 is within the share: believed, flagged.
      sim.admin.addWarehouse({ warehouse_no: gone[0]! });
      const next = await runner().run('cli');
      assert.equal(next.missing, 19);
      assert.deepEqual(recorder.checks.at(-1), { outcome: 'trusted' });
    });

    it('treats full-width and space-padded spellings as one code across runs: no look-ups, no flags', async () => {
      sim.admin.addWarehouse({ warehouse_no: 'ＷＨ－ＦＷ０１', is_disabled: 0 });
      sim.admin.addWarehouse({ warehouse_no: 'WH-SP-02 ', is_disabled: 0 });
      for (let run = 1; run <= 3; run++) {
        sim.admin.clearCalls();
        const summary = await runner().run('cli');
        assert.equal(summary.status, 'succeeded', summary.error);
        assert.equal(summary.seen, 97);
        assert.equal(summary.missing, 0);
        assert.deepEqual(lookUps(), [], `run ${run} looked nothing up`);
      }
      const seen = recorder.flagCalls.at(-1)!;
      assert.ok(seen.has('WH-FW01') && seen.has('WH-SP-02'));
      const lastSeen = (await db.dataSource.query(
        `SELECT warehouse_no, spelling FROM wdt_last_seen WHERE warehouse_no IN ('WH-FW01', 'WH-SP-02') ORDER BY 1`,
      )) as unknown[];
      assert.deepEqual(lastSeen, [
        { warehouse_no: 'WH-FW01', spelling: 'ＷＨ－ＦＷ０１' },
        { warehouse_no: 'WH-SP-02', spelling: 'WH-SP-02 ' },
      ]);
    });

    it("looks an absentee up under WDT's own spelling and does not flag it when found", async () => {
      sim.admin.addWarehouse({ warehouse_no: 'ＷＨ－ＦＷ０９', is_disabled: 1 });
      assert.equal((await runner().run('cli')).status, 'succeeded');
      sim.admin.clearCalls();
      // The disabled listing is not read: every disabled warehouse is absent, WDT still has them all.
      const summary = await runner({ includeDisabled: false, maxMissingShare: 1 }).run('cli');
      assert.equal(summary.status, 'succeeded', summary.error);
      assert.equal(summary.missing, 0, 'each was found by warehouse_no');
      assert.ok(lookUps().some((c) => c.warehouseNo === 'ＷＨ－ＦＷ０９' && c.isDisabled === '1'));
      assert.ok(!lookUps().some((c) => c.warehouseNo === 'WH-FW09'), 'found under its own spelling first');
    });
  });
});
