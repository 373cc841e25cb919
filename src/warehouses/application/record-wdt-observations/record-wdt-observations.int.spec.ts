import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generatedWarehouses } from '../../testing/generated-warehouses';
import { wdtWarehouse } from '../../testing/fixtures';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../../testing/test-kit';
import { createWarehouses } from '../../warehouses.factory';

describe('recording WDT observations (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  before(async () => {
    kit = await createWarehousesTestKit('warehouses_observations');
  });
  after(() => kit.close());

  // Speed is measured by `npm run bench -- pipeline`, not asserted here: the machine is shared.
  it('records 1,000 warehouses in one call; the same pull again appends nothing', async () => {
    const warehouses = generatedWarehouses(1000);
    const outcomes = await kit.warehouses.observationRecorder.recordObservations(warehouses, syncContext('bulk-1'));
    assert.equal(outcomes.filter((o) => o.outcome === 'created').length, 1000);
    assert.equal(new Set(outcomes.map((o) => o.goldenId)).size, 1000);
    const events = await kit.store.count();
    const again = await kit.warehouses.observationRecorder.recordObservations(warehouses, syncContext('bulk-2', 5));
    assert.ok(again.every((o) => o.outcome === 'unchanged'));
    assert.deepEqual(
      again.map((o) => o.goldenId),
      outcomes.map((o) => o.goldenId),
      'the same golden ids, found by reservation',
    );
    assert.equal(await kit.store.count(), events);
  });

  it('reports the changed source fields', async () => {
    const [changed] = await kit.warehouses.observationRecorder.recordObservations(
      [generatedWarehouses(1)[0]!].map((w) => ({ ...w, name: '上海浦东新区旗舰仓' })),
      syncContext('bulk-3', 10),
    );
    assert.equal(changed!.outcome, 'changed');
    assert.deepEqual(changed!.changedFields, ['name']);
  });

  it('two concurrent syncs of a new warehouse_no create one golden record', async () => {
    const other = createWarehouses(kit.db.dataSource, kit.store).observationRecorder;
    const warehouse = wdtWarehouse({ warehouseNo: 'RACE-01', name: '竞态测试仓' });
    const [a, b] = await Promise.all([
      kit.warehouses.observationRecorder.recordObservations([warehouse], syncContext('race-a')),
      other.recordObservations([{ ...warehouse, telno: '021-11112222' }], syncContext('race-b')),
    ]);
    assert.equal(a[0]!.goldenId, b[0]!.goldenId);
    const [row] = await kit.db.dataSource.query(`SELECT count(*)::int AS n FROM warehouse_source_keys WHERE source_key = 'RACE-01'`);
    assert.equal(row.n, 1);
    const streams = await kit.db.dataSource.query(
      `SELECT count(DISTINCT stream_id)::int AS n FROM events WHERE data->>'warehouseNo' = 'RACE-01'`,
    );
    assert.equal(streams[0].n, 1);
  });

  it('suspects duplicates within one batch (an initial load brings both)', async () => {
    const outcomes = await kit.warehouses.observationRecorder.recordObservations(
      [
        wdtWarehouse({
          warehouseNo: 'DUP-A',
          name: '成都双流冷链仓',
          province: '四川',
          city: '成都市',
          district: '双流区',
          address: '双流区航空港物流园8号',
        }),
        wdtWarehouse({
          warehouseNo: 'DUP-B',
          name: '成都双流冷链仓库',
          province: '四川省',
          city: '成都',
          district: '双流区',
          address: '四川省成都市双流区航空港物流园8号B座',
        }),
      ],
      syncContext('dup'),
    );
    const suspicions = await kit.db.dataSource.query(`SELECT stream_id, data FROM events WHERE type = 'SuspectedDuplicateDetected'`);
    assert.equal(suspicions.length, 1);
    assert.equal(suspicions[0].data.goldenId, outcomes[1]!.goldenId);
    assert.equal(suspicions[0].data.otherGoldenId, outcomes[0]!.goldenId);
  });

  it('flags reserved warehouses a complete pull did not see, once', async () => {
    const seen = new Set(
      generatedWarehouses(1000)
        .map((w) => w.warehouseNo)
        .filter((no) => no !== 'WH00007'),
    );
    ['RACE-01', 'DUP-A', 'DUP-B'].forEach((no) => seen.add(no));
    assert.deepEqual(await kit.warehouses.observationRecorder.flagMissing(seen, syncContext('full-1', 20)), ['WH00007']);
    assert.deepEqual(await kit.warehouses.observationRecorder.flagMissing(seen, syncContext('full-2', 30)), []);
  });

  it('skips an unchanged row only while the kept fold is at the head of its stream', async () => {
    const recorder = kit.warehouses.observationRecorder;
    const warehouse = wdtWarehouse({ warehouseNo: 'SKIP-01', name: '跳过测试仓' });
    await recorder.recordObservations([warehouse], syncContext('skip-1', 40));
    await kit.catchUp();
    const [again] = await recorder.recordObservations([warehouse], syncContext('skip-2', 41));
    assert.equal(again!.outcome, 'unchanged');
    const keys: { source_key: string }[] = await kit.db.dataSource.query(`SELECT source_key FROM warehouse_source_keys`);
    const seen = new Set(keys.map((k) => k.source_key).filter((k) => k !== 'SKIP-01'));
    assert.deepEqual(await recorder.flagMissing(seen, syncContext('skip-3', 42)), ['SKIP-01']);
    // The kept fold still says "listed, same content": it lags the flag, so the row is decided, not skipped.
    const [back] = await recorder.recordObservations([warehouse], syncContext('skip-4', 43));
    assert.equal(back!.outcome, 'changed');
    const [listed] = await kit.db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE type = 'WarehouseObservedInWdt' AND data->>'warehouseNo' = 'SKIP-01'`,
    );
    assert.equal(listed.n, 2);
  });
});
