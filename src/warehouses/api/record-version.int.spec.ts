import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RequestKingdeeResyncCommand } from '../application/commands';
import { commandMetadata } from '../application/metadata';
import { wdtWarehouse } from '../testing/fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../testing/test-kit';

/** The ETag counts what a steward changes or sees change, never the sink's bookkeeping. */
describe('record versions: ETag and If-Match (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  let api: TestApp;
  let goldenId: string;
  const sink = () => kit.warehouses.syncResultRecorder;
  const detail = () => api.call('GET', `/api/v1/warehouses/${goldenId}`, { key: 'reader' });
  const override = (field: string, value: string, ifMatch: string) =>
    api.call('PUT', `/api/v1/warehouses/${goldenId}/overrides/${field}`, {
      key: 'steward',
      body: { value, reason: '核对' },
      headers: { 'if-match': ifMatch },
    });

  before(async () => {
    kit = await createWarehousesTestKit('record_version');
    api = await startTestApp(kit);
    const [created] = await kit.warehouses.observationRecorder.recordObservations([wdtWarehouse()], syncContext());
    goldenId = created!.goldenId;
    await kit.catchUp();
  });
  after(async () => {
    await api?.app.close();
    await kit.close();
  });

  it('a fresh ETag is still valid after the sink recorded a result and a resync was requested', async () => {
    const read = await detail();
    assert.deepEqual([read.etag, read.body.version, read.body.streamVersion], ['"1"', 1, 1]);
    const at = new Date();
    await sink().recordSuccess([
      { goldenId, version: 1, fStockId: '100001', fNumber: 'SH-PD-01', operation: 'created', at, correlationId: 'k1' },
    ]);
    await kit.warehouses.bus.execute(new RequestKingdeeResyncCommand({ goldenId, reason: '重新写入' }, commandMetadata('test')));
    await kit.catchUp();
    const after = await detail();
    assert.deepEqual([after.etag, after.body.version, after.body.streamVersion], ['"1"', 1, 3], 'the stream moved, the record did not');
    assert.deepEqual([after.body.kingdeeSync.syncedVersion, after.body.kingdeeSync.syncedStreamVersion], [1, 1], '已同步版本 1');

    const saved = await override('name', '浦东中心仓', read.etag!);
    assert.deepEqual([saved.status, saved.etag, saved.body.version, saved.body.streamVersion], [200, '"2"', 2, 4]);
  });

  it('stale after another steward’s override: 412, and the one who reloads saves', async () => {
    await kit.catchUp();
    const mine = (await detail()).etag!;
    const theirs = await override('contact', '李娜', mine);
    assert.equal(theirs.status, 200);
    const stale = await override('contact', '王五', mine);
    assert.deepEqual([stale.status, stale.body.error.code, stale.body.error.details.actual], [412, 'version_mismatch', 3]);
    const retried = await override('contact', '王五', theirs.etag!);
    assert.deepEqual([retried.status, retried.etag], [200, '"4"']);
  });

  it('the sync status names the synced record version in the same numbering', async () => {
    await kit.catchUp();
    // The override that made record version 4 is stream version 6; Kingdee confirms it.
    await sink().recordSuccess([
      { goldenId, version: 6, fStockId: '100001', fNumber: 'SH-PD-01', operation: 'updated', at: new Date(), correlationId: 'k2' },
    ]);
    await kit.catchUp();
    const read = await detail();
    assert.equal(read.etag, '"4"');
    assert.deepEqual(
      [read.body.kingdeeSync.status, read.body.kingdeeSync.syncedVersion, read.body.kingdeeSync.publishedVersion],
      ['synced', 4, 4],
    );
    const [row] = (await api.call('GET', `/api/v1/warehouses?q=SH-PD-01`, { key: 'reader' })).body.items;
    assert.equal(row.version, 4, 'search hits carry the record version too');
    const folded = await kit.warehouses.queries.getFolded(goldenId);
    assert.deepEqual([folded!.version, folded!.kingdeeSync.syncedVersion], [4, 4], 'the event fold (asOf) agrees with the read models');
  });
});
