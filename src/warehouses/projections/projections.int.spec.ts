import { OverrideFieldCommand, ResolveStewardshipTaskCommand } from '../application/commands';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ObservationOutcome } from '../../contracts/wdt-observation-recorder.port';
import { commandMetadata } from '../application/metadata';
import { streamIdOf } from '../domain/events';
import { wdtWarehouse } from '../testing/fixtures';
import { currentSummaries, loadSummaries, saveSummaries } from './golden-state';
import { summarise } from './stream-summary';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../testing/test-kit';

const TABLES: Record<string, string> = {
  golden_warehouses: 'golden_id',
  warehouse_lineage: 'golden_id, field, stream_version',
  warehouse_xref: 'golden_id, system, source_key',
  warehouse_sync_status: 'golden_id',
  golden_state: 'golden_id',
  stewardship_tasks: 'task_id',
};

describe('warehouse projections (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  let ids: { a: string; b: string; c: string };
  const snapshot = async () => {
    const tables: Record<string, unknown> = {};
    for (const [table, order] of Object.entries(TABLES))
      tables[table] = await kit.db.dataSource.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    return JSON.parse(JSON.stringify(tables));
  };

  before(async () => {
    kit = await createWarehousesTestKit('warehouses_projections');
    ids = await scenario(kit);
  });
  after(() => kit.close());

  it('builds golden records, lineage, cross-reference, sync status and tasks', async () => {
    const [a] = await kit.db.dataSource.query(`SELECT * FROM golden_warehouses WHERE golden_id = $1`, [ids.a]);
    assert.equal(a.name, '浦东中心仓');
    assert.equal(a.contact, '李娜', 'filled from the merged record');
    assert.deepEqual(Object.keys(a.overrides), ['name']);
    const [b] = await kit.db.dataSource.query(`SELECT status, merged_into FROM golden_warehouses WHERE golden_id = $1`, [ids.b]);
    assert.deepEqual(b, { status: 'retired', merged_into: ids.a });
    const [name] = await kit.db.dataSource.query(
      `SELECT DISTINCT ON (field) * FROM warehouse_lineage WHERE golden_id = $1 AND field = 'name' ORDER BY field, stream_version DESC`,
      [ids.a],
    );
    assert.deepEqual([name.value, name.source_system, name.rule], ['浦东中心仓', 'steward', 'override']);
    const xref = await kit.db.dataSource.query(
      `SELECT golden_id, system, source_key, external_id, active FROM warehouse_xref ORDER BY golden_id, system, source_key`,
    );
    const ofA = xref.filter((x: { golden_id: string; system: string }) => x.golden_id === ids.a && x.system === 'wdt');
    assert.deepEqual(
      ofA.map((x: { source_key: string; external_id: string }) => [x.source_key, x.external_id]),
      [
        ['SH-PD-01', '101'],
        ['SH-PD-01B', '102'],
      ],
    );
    assert.ok(xref.some((x: { system: string; external_id: string }) => x.system === 'kingdee' && x.external_id === '100238'));
    const ofB = xref.filter((x: { golden_id: string }) => x.golden_id === ids.b);
    assert.ok(
      ofB.some((x: { system: string }) => x.system === 'kingdee'),
      'the late result is kept, for history',
    );
    assert.ok(
      ofB.every((x: { active: boolean }) => !x.active),
      'a late Kingdee result never re-activates a merged-away record',
    );
    const sync = await kit.db.dataSource.query(`SELECT golden_id, status, last_error_code FROM warehouse_sync_status ORDER BY golden_id`);
    assert.equal(sync.find((s: { golden_id: string }) => s.golden_id === ids.c).status, 'failed');
    assert.equal(sync.find((s: { golden_id: string }) => s.golden_id === ids.a).status, 'pending', 'changed after its last sync');
    const tasks = await kit.db.dataSource.query(`SELECT type, status, resolution FROM stewardship_tasks ORDER BY type`);
    assert.deepEqual(tasks, [
      { type: 'duplicate', status: 'resolved', resolution: 'merged' },
      { type: 'sync_failure', status: 'open', resolution: null },
    ]);
  });

  const projectionTables: Record<string, string[]> = {
    'warehouses.golden-records': ['golden_warehouses', 'warehouse_sync_status', 'golden_state'],
    'warehouses.lineage': ['warehouse_lineage'],
    'warehouses.xref': ['warehouse_xref'],
    'warehouses.stewardship-tasks': ['stewardship_tasks'],
  };

  it('every projection is covered and declares exactly these tables', () => {
    const declared = Object.fromEntries(kit.warehouses.projections.map((p) => [p.name, [...(p.tables ?? [])]]));
    assert.deepEqual(declared, projectionTables);
  });

  for (const [name, tables] of Object.entries(projectionTables)) {
    it(`${name}: run twice (replayed over its rows, then rebuilt from empty) gives the same result`, async () => {
      const first = await snapshot();
      await kit.db.dataSource.query(`DELETE FROM processor_checkpoints WHERE name = $1`, [name]);
      await kit.catchUp();
      assert.deepEqual(await snapshot(), first);
      for (const table of tables) await kit.db.dataSource.query(`DELETE FROM ${table}`);
      await kit.db.dataSource.query(`DELETE FROM processor_checkpoints WHERE name = $1`, [name]);
      await kit.catchUp();
      assert.deepEqual(await snapshot(), first);
    });
  }

  it('applying one batch twice in a row changes nothing', async () => {
    const first = await snapshot();
    const events = await kit.store.readAllAfter({ transactionId: '0', globalPosition: '0' }, 10_000);
    await kit.db.dataSource.transaction(async (tx) => {
      for (const projection of kit.warehouses.projections) {
        await projection.apply(events, tx);
        await projection.apply(events, tx);
      }
    });
    assert.deepEqual(await snapshot(), first);
  });

  it('a late Kingdee result for a merged-away record, in a later batch, leaves its cross-reference inactive', async () => {
    await kit.warehouses.syncResultRecorder.recordSuccess([lateSuccess(ids.b, 2)]);
    await kit.catchUp();
    const rows = await kit.db.dataSource.query(`SELECT system, active, external_id FROM warehouse_xref WHERE golden_id = $1`, [ids.b]);
    assert.ok(rows.some((r: { external_id: string }) => r.external_id === '100241'));
    assert.deepEqual(
      rows.map((r: { active: boolean }) => r.active),
      rows.map(() => false),
    );
    const activeKingdeeOfA = await kit.db.dataSource.query(
      `SELECT count(*)::int AS n FROM warehouse_xref WHERE golden_id = $1 AND system = 'kingdee' AND active`,
      [ids.a],
    );
    assert.equal(activeKingdeeOfA[0].n, 1);
  });

  it('the kept fold of each record equals folding its whole stream', async () => {
    for (const id of Object.values(ids)) {
      const [kept] = await loadSummaries(kit.db.dataSource, [id]).then((m) => [...m.values()]);
      const events = (await kit.store.readStreams([streamIdOf(id)])).get(streamIdOf(id))!;
      assert.ok(events.length > 1, 'the scenario folds each record over several batches');
      assert.deepEqual(kept, summarise(events), id);
    }
  });

  it('a batch whose record has no kept fold (or one left behind) reads what it lacks once and folds on', async () => {
    const before = await snapshot();
    const a = (await kit.store.readStreams([streamIdOf(ids.a)])).get(streamIdOf(ids.a))!;
    const golden = kit.warehouses.projections.find((p) => p.name === 'warehouses.golden-records')!;
    // Kept fold two versions behind, then only the last event arrives: the one between comes from the store.
    await kit.db.dataSource.transaction(async (tx) => {
      await tx.query(`DELETE FROM golden_state WHERE golden_id = $1`, [ids.a]);
      await saveSummaries(tx, new Map([[ids.a, summarise(a.slice(0, -2))]]));
      await golden.apply(a.slice(-1), tx);
    });
    assert.deepEqual(await snapshot(), before);
    await kit.db.dataSource.transaction(async (tx) => {
      await tx.query(`DELETE FROM golden_state WHERE golden_id = $1`, [ids.a]);
      await golden.apply(a.slice(-1), tx);
    });
    assert.deepEqual(await snapshot(), before);
  });

  it('the current fold (kept fold plus the events since) is exact while the processor lags, and the sink reads it', async () => {
    const [c] = await kit.db.dataSource.query(`SELECT version FROM golden_warehouses WHERE golden_id = $1`, [ids.c]);
    await kit.warehouses.syncResultRecorder.recordSuccess([{ ...lateSuccess(ids.c, c.version), fStockId: '100777', fNumber: 'GZ-BY-02' }]);
    const [kept] = await kit.db.dataSource.query(`SELECT version FROM golden_state WHERE golden_id = $1`, [ids.c]);
    assert.equal(kept.version, c.version, 'not caught up yet');
    const current = await currentSummaries(kit.store, kit.db.dataSource, [...Object.values(ids), 'wh_unknown']);
    for (const id of Object.values(ids)) {
      const events = (await kit.store.readStreams([streamIdOf(id)])).get(streamIdOf(id))!;
      assert.deepEqual(current.get(id), summarise(events), id);
    }
    assert.equal(current.has('wh_unknown'), false);
    const state = await kit.warehouses.syncResultRecorder.syncState([ids.c]);
    assert.deepEqual(state.get(ids.c), { syncedVersion: c.version, fStockId: '100777', fNumber: 'GZ-BY-02', forbidden: false });
    await kit.catchUp();
  });

  it('the read models answer GET exactly as folding the events does', async () => {
    for (const id of Object.values(ids)) {
      const fromReadModels = await kit.warehouses.queries.get(id);
      assert.deepEqual(fromReadModels, await kit.warehouses.queries.getFolded(id), id);
    }
  });
});

const lateSuccess = (goldenId: string, version: number) => ({
  goldenId,
  version,
  fStockId: String(100239 + version),
  fNumber: 'SH-PD-01B',
  operation: 'created' as const,
  at: new Date(),
  correlationId: `late-${version}`,
});

/** A: created, suspected duplicate B merged into it, overridden, synced, then changed. C: fails in Kingdee, goes missing. */
async function scenario(kit: WarehousesTestKit): Promise<{ a: string; b: string; c: string }> {
  const recorder = kit.warehouses.observationRecorder;
  const goldenOf = (outcomes: ObservationOutcome[], no: string) => outcomes.find((o) => o.warehouseNo === no)!.goldenId;
  const first = await recorder.recordObservations(
    [
      wdtWarehouse({ contact: undefined }),
      wdtWarehouse({
        warehouseNo: 'GZ-BY-02',
        name: '广州白云仓',
        province: '广东',
        city: '广州市',
        district: '白云区',
        address: '机场路88号',
      }),
    ],
    syncContext('run-1', 0),
  );
  const a = goldenOf(first, 'SH-PD-01');
  const c = goldenOf(first, 'GZ-BY-02');
  await kit.catchUp();
  const second = await recorder.recordObservations(
    [
      wdtWarehouse({
        warehouseNo: 'SH-PD-01B',
        warehouseId: '102',
        name: '上海浦东仓库',
        contact: '李娜',
        address: '上海市浦东新区川沙路5188号',
      }),
    ],
    syncContext('run-2', 1),
  );
  const b = goldenOf(second, 'SH-PD-01B');
  const steward = commandMetadata('api:li', { now: new Date(Date.UTC(2026, 10, 28, 9, 2)) });
  await kit.warehouses.bus.execute(
    new OverrideFieldCommand({ goldenId: a, field: 'name', value: '浦东中心仓', reason: '统一命名' }, steward),
  );
  await kit.warehouses.syncResultRecorder.recordSuccess([
    { goldenId: a, version: 2, fStockId: '100238', fNumber: 'SH-PD-01', operation: 'created', at: new Date(), correlationId: 'k-1' },
  ]);
  await kit.warehouses.syncResultRecorder.recordFailure([
    { goldenId: c, version: 1, code: 'kingdee_rejected', message: '编码已存在', permanent: true, at: new Date(), correlationId: 'k-2' },
  ]);
  await kit.catchUp();
  const [task] = await kit.db.dataSource.query(`SELECT task_id FROM stewardship_tasks WHERE type = 'duplicate'`);
  await kit.warehouses.bus.execute(new ResolveStewardshipTaskCommand({ taskId: task.task_id, action: 'merge', survivorId: a }, steward));
  // A late Kingdee result for the merged-away record, projected in the same batch as the merge.
  await kit.warehouses.syncResultRecorder.recordSuccess([lateSuccess(b, 1)]);
  await recorder.recordObservations([wdtWarehouse({ contact: undefined, telno: '021-66667777' })], syncContext('run-3', 3));
  await recorder.flagMissing(new Set(['SH-PD-01', 'SH-PD-01B']), syncContext('run-3', 3));
  await kit.catchUp();
  return { a, b, c };
}
