import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { wdtWarehouse } from '../testing/fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../testing/test-kit';

describe('warehouses REST API (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  let api: TestApp;
  let goldenId: string;
  let beijingId: string;
  const call: TestApp['call'] = (...args) => api.call(...args);

  before(async () => {
    kit = await createWarehousesTestKit('warehouses_api');
    api = await startTestApp(kit);
    const [created, beijing] = await kit.warehouses.observationRecorder.recordObservations(
      [
        wdtWarehouse(),
        wdtWarehouse({
          warehouseNo: 'BJ-CY-01',
          name: '北京朝阳仓',
          province: '北京',
          city: '北京市',
          district: '朝阳区',
          address: '酒仙桥路10号',
          type: 11,
        }),
      ],
      syncContext(),
    );
    goldenId = created!.goldenId;
    beijingId = beijing!.goldenId;
    await kit.catchUp();
  });
  after(async () => {
    await api?.app.close();
    await kit.close();
  });

  it('401 without a key, 403 for a reader’s override', async () => {
    const anonymous = await call('GET', '/api/v1/warehouses');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'unauthenticated');
    const reader = await call('PUT', `/api/v1/warehouses/${goldenId}/overrides/name`, {
      key: 'reader',
      body: { value: '浦东中心仓', reason: '统一命名' },
    });
    assert.equal(reader.status, 403);
    assert.equal(reader.body.error.code, 'forbidden');
  });

  it('searches by a Chinese fragment with filters, paging and a total', async () => {
    const found = await call('GET', `/api/v1/warehouses?q=${encodeURIComponent('浦东')}&status=active&page=1&pageSize=10`, {
      key: 'reader',
    });
    assert.equal(found.status, 200);
    assert.equal(found.body.total, 1);
    assert.equal(found.body.items[0].goldenId, goldenId);
    assert.equal(found.body.items[0].syncStatus, 'pending');
    for (const q of ['浦', '浦东新区', 'ｓｈ-ｐｄ', '川沙路5188']) {
      const hit = await call('GET', `/api/v1/warehouses?q=${encodeURIComponent(q)}`, { key: 'reader' });
      assert.deepEqual(
        hit.body.items.map((w: { warehouseNo: string }) => w.warehouseNo),
        ['SH-PD-01'],
        q,
      );
    }
    const none = await call('GET', `/api/v1/warehouses?q=${encodeURIComponent('浦东%')}`, { key: 'reader' });
    assert.equal(none.body.total, 0, 'LIKE wildcards are literal');
    const byType = await call('GET', '/api/v1/warehouses?type=11', { key: 'reader' });
    assert.deepEqual(
      byType.body.items.map((w: { warehouseNo: string }) => w.warehouseNo),
      ['BJ-CY-01'],
    );
    const all = await call('GET', '/api/v1/warehouses?pageSize=1&page=2', { key: 'reader' });
    assert.deepEqual([all.body.total, all.body.items.length, all.body.items[0].warehouseNo], [2, 1, 'SH-PD-01']);
    const bad = await call('GET', '/api/v1/warehouses?pageSize=1000&syncStatus=maybe', { key: 'reader' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.map((d: { field: string }) => d.field).sort(), ['pageSize', 'syncStatus']);
  });

  it('sorts by a column either way and counts each filter value with the other filters applied', async () => {
    const byNo = async (order: string) =>
      (await call('GET', `/api/v1/warehouses?sort=warehouseNo&order=${order}`, { key: 'reader' })).body.items.map(
        (w: { warehouseNo: string }) => w.warehouseNo,
      );
    assert.deepEqual(await byNo('asc'), ['BJ-CY-01', 'SH-PD-01']);
    assert.deepEqual(await byNo('desc'), ['SH-PD-01', 'BJ-CY-01']);
    const byType = await call('GET', '/api/v1/warehouses?sort=typeCode&order=desc', { key: 'reader' });
    assert.deepEqual(
      byType.body.items.map((w: { typeCode: number }) => w.typeCode),
      [11, 1],
    );
    const filtered = await call('GET', '/api/v1/warehouses?type=11', { key: 'reader' });
    assert.equal(filtered.body.total, 1);
    assert.deepEqual(filtered.body.facets.type, { '1': 1, '11': 1 }, 'the type facet ignores the type filter');
    assert.deepEqual(filtered.body.facets.status, { active: 1 }, 'other facets count within the type filter');
    assert.deepEqual(filtered.body.facets.syncStatus, { pending: 1 });
    const bad = await call('GET', '/api/v1/warehouses?sort=colour&order=up', { key: 'reader' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.map((d: { field: string }) => d.field).sort(), ['order', 'sort']);
  });

  it('GET one: fields, lineage, cross-reference, sync status, version as ETag; 404 for an unknown id', async () => {
    const one = await call('GET', `/api/v1/warehouses/${goldenId}`, { key: 'reader' });
    assert.equal(one.status, 200);
    assert.equal(one.etag, '"1"');
    assert.equal(one.body.record.name, '上海浦东仓');
    assert.deepEqual(one.body.lineage.name.source, { system: 'wdt', key: 'SH-PD-01' });
    assert.deepEqual(one.body.crossReference.wdt, [{ system: 'wdt', warehouseNo: 'SH-PD-01', warehouseId: '101', active: true }]);
    assert.equal(one.body.kingdeeSync.status, 'pending');
    const missing = await call('GET', '/api/v1/warehouses/wh_nope', { key: 'reader' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not_found');
  });

  it('400 with a field-level message for an unknown field or an empty reason', async () => {
    const unknown = await call('PUT', `/api/v1/warehouses/${goldenId}/overrides/colour`, {
      key: 'steward',
      body: { value: '红', reason: '测试' },
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'validation_failed');
    assert.equal(unknown.body.error.details[0].field, 'field');
    assert.match(unknown.body.error.details[0].message, /unknown or read-only field "colour"/);
    const blank = await call('PUT', `/api/v1/warehouses/${goldenId}/overrides/name`, {
      key: 'steward',
      body: { value: '浦东中心仓', reason: '   ' },
    });
    assert.deepEqual([blank.status, blank.body.error.details[0].field], [400, 'reason']);
    const absent = await call('PUT', `/api/v1/warehouses/${goldenId}/overrides/name`, { key: 'steward', body: { value: '浦东中心仓' } });
    assert.deepEqual([absent.status, absent.body.error.details[0].field], [400, 'reason']);
    const badMobile = await call('PUT', `/api/v1/warehouses/${goldenId}/overrides/mobile`, {
      key: 'steward',
      body: { value: '12345', reason: '换人' },
    });
    assert.deepEqual([badMobile.status, badMobile.body.error.details[0].field], [400, 'value']);
  });

  it('overrides with If-Match; a stale version is 412; asOf answers with the earlier value', async () => {
    const before = new Date();
    await new Promise((r) => setTimeout(r, 20));
    const put = await call('PUT', `/api/v1/warehouses/${goldenId}/overrides/name`, {
      key: 'steward',
      body: { value: '浦东中心仓', reason: '统一命名' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(put.status, 200);
    assert.equal(put.etag, '"2"');
    assert.equal(put.body.record.name, '浦东中心仓');
    assert.deepEqual(put.body.lineage.name.source, { system: 'steward', key: 'api:sam' });
    const stale = await call('PUT', `/api/v1/warehouses/${goldenId}/overrides/contact`, {
      key: 'steward',
      body: { value: '李娜', reason: '换人' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.error.code, 'version_mismatch');
    const then = await call('GET', `/api/v1/warehouses/${goldenId}?asOf=${before.toISOString()}`, { key: 'reader' });
    assert.deepEqual([then.status, then.body.record.name, then.body.version, then.etag], [200, '上海浦东仓', 1, '"1"']);
    const tooEarly = await call('GET', `/api/v1/warehouses/${goldenId}?asOf=2001-01-01T00:00:00Z`, { key: 'reader' });
    assert.equal(tooEarly.status, 404);
  });

  it('DELETE removes the override; history lists the events oldest first', async () => {
    const removed = await call('DELETE', `/api/v1/warehouses/${goldenId}/overrides/name`, {
      key: 'steward',
      body: { reason: '源系统已更正' },
      headers: { 'if-match': '2' },
    });
    assert.deepEqual([removed.status, removed.body.record.name, removed.etag], [200, '上海浦东仓', '"3"']);
    const again = await call('DELETE', `/api/v1/warehouses/${goldenId}/overrides/name`, { key: 'steward' });
    assert.equal(again.status, 404);
    const history = await call('GET', `/api/v1/warehouses/${goldenId}/history`, { key: 'reader' });
    assert.deepEqual(
      history.body.map((e: { type: string }) => e.type),
      ['WarehouseObservedInWdt', 'FieldOverridden', 'FieldOverrideRemoved'],
    );
    assert.equal(history.body[1].actor, 'api:sam');
  });

  it('lists stewardship tasks and resolves a sync failure by retry', async () => {
    await kit.warehouses.syncResultRecorder.recordFailure([
      { goldenId, version: 3, code: 'kingdee_rejected', message: '编码已存在', permanent: true, at: new Date(), correlationId: 'k' },
    ]);
    await kit.catchUp();
    const open = await call('GET', '/api/v1/stewardship/tasks?status=open&type=sync_failure', { key: 'reader' });
    assert.equal(open.body.total, 1);
    const task = open.body.items[0];
    assert.deepEqual([task.record.warehouseNo, task.details.code], ['SH-PD-01', 'kingdee_rejected']);
    const wrong = await call('POST', `/api/v1/stewardship/tasks/${task.taskId}/resolve`, { key: 'steward', body: { action: 'merge' } });
    assert.deepEqual([wrong.status, wrong.body.error.details[0].field], [400, 'action']);
    const retried = await call('POST', `/api/v1/stewardship/tasks/${task.taskId}/resolve`, { key: 'steward', body: { action: 'retry' } });
    assert.deepEqual(
      [retried.status, retried.body.versions[goldenId]],
      [200, 3],
      'a record version: the sync failure and the retry do not count',
    );
    const twice = await call('POST', `/api/v1/stewardship/tasks/${task.taskId}/resolve`, { key: 'steward', body: { action: 'retry' } });
    assert.equal(twice.status, 409);
    const unknown = await call('POST', '/api/v1/stewardship/tasks/task_nope/resolve', { key: 'steward', body: { action: 'dismiss' } });
    assert.equal(unknown.status, 404);
  });

  it('resolves a suspected duplicate: merge needs a survivor, dismiss closes it', async () => {
    await kit.warehouses.observationRecorder.recordObservations(
      [wdtWarehouse({ warehouseNo: 'SH-PD-09', warehouseId: '109', name: '上海浦东仓库', address: '上海市浦东新区川沙路5188号' })],
      syncContext('run-dup'),
    );
    await kit.catchUp();
    const [task] = (await call('GET', '/api/v1/stewardship/tasks?type=duplicate&status=open', { key: 'reader' })).body.items;
    assert.deepEqual([task.record.warehouseNo, task.otherRecord.warehouseNo], ['SH-PD-09', 'SH-PD-01']);
    const byReader = await call('POST', `/api/v1/stewardship/tasks/${task.taskId}/resolve`, { key: 'reader', body: { action: 'dismiss' } });
    assert.equal(byReader.status, 403);
    const noSurvivor = await call('POST', `/api/v1/stewardship/tasks/${task.taskId}/resolve`, {
      key: 'steward',
      body: { action: 'merge' },
    });
    assert.deepEqual([noSurvivor.status, noSurvivor.body.error.details[0].field], [400, 'survivorId']);
    const dismissed = await call('POST', `/api/v1/stewardship/tasks/${task.taskId}/resolve`, {
      key: 'steward',
      body: { action: 'dismiss', reason: '两个不同的仓' },
    });
    assert.equal(dismissed.status, 200);
    assert.deepEqual(Object.keys(dismissed.body.versions).sort(), [goldenId, task.record.goldenId].sort());
    await kit.catchUp();
    const closed = (await call('GET', '/api/v1/stewardship/tasks?type=duplicate', { key: 'reader' })).body.items[0];
    assert.deepEqual([closed.status, closed.resolution, closed.resolvedBy], ['resolved', 'dismissed', 'api:sam']);
  });

  it('a steward retires and restores a record (If-Match, a reason); readers may not; a merged-away or active record cannot be restored', async () => {
    const reader = await call('POST', `/api/v1/warehouses/${beijingId}/retire`, { key: 'reader', body: { reason: '仓库已关闭' } });
    assert.equal(reader.status, 403);
    const noReason = await call('POST', `/api/v1/warehouses/${beijingId}/retire`, { key: 'steward', body: {} });
    assert.equal(noReason.status, 400);
    const retired = await call('POST', `/api/v1/warehouses/${beijingId}/retire`, {
      key: 'steward',
      body: { reason: 'WDT 已删除，仓库关闭' },
      headers: { 'if-match': '"1"' },
    });
    assert.deepEqual([retired.status, retired.body.record.status, retired.etag], [200, 'retired', '"2"']);
    const activeAgain = await call('POST', `/api/v1/warehouses/${goldenId}/restore`, { key: 'steward', body: { reason: '误操作' } });
    assert.deepEqual([activeAgain.status, activeAgain.body.error.code], [409, 'invalid_state']);
    const restored = await call('POST', `/api/v1/warehouses/${beijingId}/restore`, {
      key: 'steward',
      body: { reason: '仓库重新启用，恢复使用' },
      headers: { 'if-match': '"2"' },
    });
    assert.deepEqual([restored.status, restored.body.record.status, restored.etag], [200, 'active', '"3"']);
    const history = await call('GET', `/api/v1/warehouses/${beijingId}/history`, { key: 'reader' });
    assert.deepEqual(
      history.body.map((e: { type: string }) => e.type),
      ['WarehouseObservedInWdt', 'GoldenRecordRetired', 'GoldenRecordRestored'],
    );
  });
});
