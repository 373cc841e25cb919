import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { EventStore } from '../../src/event-store/event-store';
import { WdtSyncRunner } from '../../src/ingestion/poll-wdt-warehouses/wdt-sync-runner';
import { AdvisoryRunOwnership, InProcessRunOwnership } from '../../src/ingestion/poll-wdt-warehouses/run-ownership';
import { SyncProgress } from '../../src/ingestion/poll-wdt-warehouses/sync-run';
import { createWdtClient } from '../../src/ingestion/wdt-client/create-wdt-client';
import { WdtWarehouse } from '../../src/contracts/wdt-warehouse';
import { ObservationContext, WdtListingCheck, WdtObservationRecorder } from '../../src/contracts/wdt-observation-recorder.port';
import { pointedAt } from '../../src/runtime/demo-simulators';
import { startWdtSimulator, WdtSimulator } from '../../src/simulators/wdt';
import { createWarehouses } from '../../src/warehouses/warehouses.factory';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const OBSERVED = 'WarehouseObservedInWdt';
const MISSING = 'WarehouseMissingInWdt';

/**
 * Issue 3: repeated full pulls of WDT become minimal, correct change events. Simulator over HTTP →
 * client → sync runner → the warehouses feature's real recorder → the event store on PostgreSQL.
 */
describe('WDT ingestion end to end (simulator → sync runner → warehouses recorder → event store)', () => {
  let db: TestDatabase;
  let sim: WdtSimulator;
  let store: EventStore;
  let recorder: CountingRecorder;

  before(async () => {
    db = await createTestDatabase('wdt_ingestion_e2e');
    store = new EventStore(db.dataSource);
    sim = await startWdtSimulator({ warehouses: 1000, seed: 42 });
    // All enabled, so the enabled listing is exactly 20 full pages of 50.
    for (const w of sim.admin.listWarehouses()) if (w.is_disabled === 1) sim.admin.enableWarehouse(w.warehouse_no);
    recorder = new CountingRecorder(createWarehouses(db.dataSource, store).observationRecorder);
  });
  after(async () => {
    await sim?.stop();
    await db?.close();
  });

  const runner = (secret?: string, onProgress?: (p: SyncProgress) => void) => {
    const config = pointedAt(loadConfig({ WDT_PAGE_SIZE: '50', WDT_CALLS_PER_MINUTE: '100000' }).wdt, sim);
    const client = createWdtClient(secret ? { ...config, appsecret: secret } : config, { sleep: async () => undefined });
    const ownership = db.embedded ? new InProcessRunOwnership() : new AdvisoryRunOwnership(db.url);
    return new WdtSyncRunner({ client, recorder, db: db.dataSource, ownership, onProgress });
  };
  const events = async (type?: string) =>
    (await db.dataSource.query(
      `SELECT stream_id, type, data FROM events ${type ? 'WHERE type = $1' : ''} ORDER BY global_position`,
      type ? [type] : [],
    )) as {
      stream_id: string;
      type: string;
      data: { warehouseNo: string; sourceChanges: { field: string }[] };
    }[];

  it('first run: 1,000 warehouses over 20 pages → 1,000 observation events', async () => {
    sim.admin.clearCalls();
    const summary = await runner().run('cli');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.equal(sim.admin.calls().filter((c) => c.isDisabled === '0').length, 20);
    assert.equal((await events(OBSERVED)).length, 1000);
    assert.equal(summary.created, 1000);
    assert.equal(summary.seen, 1000);
    assert.equal(summary.missing, 0);
  });

  it('second run appends nothing', async () => {
    const before = await store.count();
    const summary = await runner().run('schedule');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.equal(summary.unchanged, 1000);
    assert.equal(await store.count(), before);
  });

  it('editing 10 warehouses gives exactly 10 new events naming the changed fields', async () => {
    const before = (await events()).length;
    const edited = sim.admin
      .listWarehouses()
      .filter((_, i) => i % 97 === 3)
      .slice(0, 10);
    edited.forEach((w, i) =>
      sim.admin.editWarehouse(w.warehouse_no, i % 2 === 0 ? { name: `${w.name}(新)` } : { mobile: '13900000000', contact: '王新' }),
    );
    const summary = await runner().run('cli');
    assert.equal(summary.changed, 10);
    const fresh = (await events()).slice(before);
    assert.deepEqual(
      fresh.map((e) => e.type),
      Array(10).fill(OBSERVED),
    );
    for (const [i, w] of edited.entries()) {
      const event = fresh.find((e) => e.data.warehouseNo === w.warehouse_no)!;
      assert.deepEqual(event.data.sourceChanges.map((c) => c.field).sort(), i % 2 === 0 ? ['name'] : ['contact', 'mobile']);
    }
  });

  it('a rate-limit reply mid-run and a row inserted on page 0 still end with each warehouse observed once, nothing flagged', async () => {
    recorder.reset();
    sim.admin.shiftRowsDuringPull(1);
    const summary = await runner(undefined, (p) => p.page === 3 && sim.admin.rateLimitNext(1)).run('cli');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.ok(sim.admin.calls().some((c) => c.outcome === '1012'));
    assert.equal(summary.passes, 3, 'the moved enabled listing was read again');
    const all = sim.admin.listWarehouses().map((w) => w.warehouse_no);
    assert.equal(all.length, 1001);
    assert.deepEqual([...recorder.timesObserved.keys()].sort(), [...all].sort());
    assert.ok(
      [...recorder.timesObserved.values()].every((n) => n === 1),
      'each warehouse handed over exactly once',
    );
    assert.equal(summary.created, 1);
    assert.equal((await events(OBSERVED)).length, 1011);
    assert.equal((await events(MISSING)).length, 0);
  });

  it('a wrong secret gives one clear error line and appends nothing', async () => {
    const before = await store.count();
    const summary = await runner('wrong-secret').run('cli');
    assert.equal(summary.status, 'failed');
    assert.equal(
      summary.error,
      'WDT rejected the credentials or signature on page 0 (code 2030: 签名错误): check WDT_SID, WDT_APPKEY and WDT_APPSECRET',
    );
    assert.ok(!summary.error.includes('\n') && !summary.error.includes('wrong-secret'));
    assert.equal(await store.count(), before);
  });

  it('a malformed page fails the run and loses nothing already recorded', async () => {
    const before = (await events(OBSERVED)).length;
    const rows = sim.admin.listWarehouses();
    const early = [rows[10]!, rows[120]!]; // pages 0 and 2 — read before the bad page
    const late = rows[400]!; // page 8 — never read
    for (const w of [...early, late]) sim.admin.editWarehouse(w.warehouse_no, { remark: '盘点中' });
    sim.admin.malformedPage(5);
    const summary = await runner().run('cli');
    assert.equal(summary.status, 'failed');
    assert.match(summary.error!, /page 5/);
    const fresh = (await events(OBSERVED)).slice(before);
    assert.deepEqual(fresh.map((e) => e.data.warehouseNo).sort(), early.map((w) => w.warehouse_no).sort());
    assert.equal((await events(MISSING)).length, 0);
    const retry = await runner().run('cli');
    assert.equal(retry.status, 'succeeded', retry.error);
    assert.equal(retry.changed, 1, 'only the warehouse behind the bad page is left');
  });

  it('a warehouse deleted in WDT is flagged missing by the next complete pull, and only it', async () => {
    const gone = sim.admin.listWarehouses()[500]!.warehouse_no;
    sim.admin.deleteWarehouse(gone);
    const summary = await runner().run('cli');
    assert.equal(summary.status, 'succeeded', summary.error);
    assert.equal(summary.missing, 1);
    assert.deepEqual(
      (await events(MISSING)).map((e) => e.data.warehouseNo),
      [gone],
    );
  });

  it('codes typed full-width or with a trailing space, synced three times: one record each, never flagged missing', async () => {
    const missingBefore = (await events(MISSING)).length;
    sim.admin.addWarehouse({ warehouse_no: 'ＷＨ－ＦＷ０１', name: '北京丰台仓', is_disabled: 0 });
    sim.admin.addWarehouse({ warehouse_no: 'WH-SP-02 ', name: '顺平仓', is_disabled: 0 });
    for (let run = 1; run <= 3; run++) {
      sim.admin.clearCalls();
      const summary = await runner().run('cli');
      assert.equal(summary.status, 'succeeded', summary.error);
      assert.equal(summary.missing, 0, `run ${run} flagged nothing`);
      assert.equal(summary.created, run === 1 ? 2 : 0, `run ${run}`);
      assert.deepEqual(
        sim.admin.calls().filter((c) => c.warehouseNo !== undefined),
        [],
        `run ${run} had nothing to look up`,
      );
    }
    assert.equal((await events(MISSING)).length, missingBefore);
    const observed = (await events(OBSERVED)).filter((e) => ['WH-FW01', 'WH-SP-02'].includes(e.data.warehouseNo));
    assert.deepEqual(observed.map((e) => e.data.warehouseNo).sort(), ['WH-FW01', 'WH-SP-02'], 'observed once each, as codes');
    const keys = (await db.dataSource.query(
      `SELECT source_key FROM warehouse_source_keys WHERE source_key IN ('WH-FW01', 'WH-SP-02', 'ＷＨ－ＦＷ０１', 'WH-SP-02 ') ORDER BY 1`,
    )) as { source_key: string }[];
    assert.deepEqual(
      keys.map((k) => k.source_key),
      ['WH-FW01', 'WH-SP-02'],
    );
  });
});

/** Counts how often the runner hands each warehouse_no over, then delegates. */
class CountingRecorder implements WdtObservationRecorder {
  readonly timesObserved = new Map<string, number>();
  constructor(private readonly inner: WdtObservationRecorder) {}
  reset() {
    this.timesObserved.clear();
  }
  recordObservations(observations: readonly WdtWarehouse[], context: ObservationContext) {
    for (const o of observations) this.timesObserved.set(o.warehouseNo, (this.timesObserved.get(o.warehouseNo) ?? 0) + 1);
    return this.inner.recordObservations(observations, context);
  }
  flagMissing(seen: ReadonlySet<string>, context: ObservationContext) {
    return this.inner.flagMissing(seen, context);
  }
  previewMissing(seen: ReadonlySet<string>) {
    return this.inner.previewMissing(seen);
  }
  reportListingCheck(check: WdtListingCheck, context: ObservationContext) {
    return this.inner.reportListingCheck(check, context);
  }
}
