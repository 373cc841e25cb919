import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';
import { HubApi, hubEnv, kafkaEnv, startSimulators, Simulators } from './support/pipeline-harness';

const SEEDED = 10;
const TYPED_NAME = '北京大兴顺丰仓（主）Ａ１';
const DAXING = { province: '北京', city: '北京市', district: '大兴区', address: '黄村镇兴华大街88号', type: 1 };

/**
 * Retirement, merges and steward input reaching Kingdee, on real PostgreSQL and Kafka: a merged-away
 * duplicate's BD_STOCK is forbidden while the survivor is updated in place; a steward's override
 * with full-width brackets arrives exactly as typed, and the ETag it answers with survives the sink's result;
 * retire → forbidden, restore → enabled; a record
 * never written to Kingdee ends "not in Kingdee" instead of pending; a warehouse WDT deleted and the
 * steward retired comes back (enabled) when WDT lists it again.
 */
describe('retire and merge reach Kingdee (WDT sim → hub → Kafka → sink → Kingdee sim)', { timeout: 600_000 }, () => {
  let db: TestDatabase;
  let sims: Simulators;
  let hub: RunningHub;
  let api: HubApi;
  const stock = (no: string) => sims.kingdee.admin.stock(no);
  const goldenIdOf = async (no: string): Promise<string> =>
    (await api.call('GET', `/warehouses?q=${encodeURIComponent(no)}`)).items[0].goldenId;
  const syncStatusOf = async (id: string): Promise<string> => (await api.call('GET', `/warehouses/${id}`)).kingdeeSync.status;
  const until = <T>(check: () => T | Promise<T>, what: string) => waitFor(check, what, 120_000, 200);

  before(async () => {
    db = await createTestDatabase('retire_merge_e2e');
    sims = await startSimulators(SEEDED);
    hub = await startHub(loadConfig(hubEnv(sims, { DATABASE_URL: db.url, ...kafkaEnv('retire') })));
    api = new HubApi(hub.url);
    sims.wdt.admin.addWarehouse({ warehouse_no: 'BJ-DX-01', name: '北京大兴顺丰仓', remark: '', ...DAXING });
    const run = await api.sync();
    assert.equal(run.status, 'succeeded', run.error);
    await until(async () => (await api.countWarehouses('synced')) === SEEDED + 1, 'the first sync in Kingdee');
  });
  after(async () => {
    await hub?.stop();
    await sims?.stop();
    await db?.close();
  });

  it('a duplicate merged: the merged-away BD_STOCK is forbidden, the survivor updated in place', async () => {
    const survivorStockId = stock('BJ-DX-01')!.FStockId;
    sims.wdt.admin.addWarehouse({ warehouse_no: 'BJ-DX-01A', name: '北京大兴顺丰仓', remark: '夜间收货，周日休息', ...DAXING });
    assert.equal((await api.sync()).status, 'succeeded');
    const task = await until(async () => {
      const open = await api.call('GET', '/stewardship/tasks?type=duplicate&status=open');
      return open.items.find((t: any) => [t.record.warehouseNo, t.otherRecord?.warehouseNo].includes('BJ-DX-01A'));
    }, 'the suspected duplicate');
    await until(() => stock('BJ-DX-01A')?.FForbidStatus === 'A', 'the duplicate written to Kingdee first');
    const survivorId = await goldenIdOf('BJ-DX-01');
    const mergedId = task.record.goldenId === survivorId ? task.otherRecord.goldenId : task.record.goldenId;
    await api.call('POST', `/stewardship/tasks/${task.taskId}/resolve`, { action: 'merge', survivorId, reason: '同一仓库，重复建档' });

    await until(() => stock('BJ-DX-01A')?.FForbidStatus === 'B', 'the merged-away BD_STOCK forbidden');
    await until(() => stock('BJ-DX-01')?.FDescription === '夜间收货，周日休息', 'the survivor updated with the merged remark');
    assert.equal(stock('BJ-DX-01')!.FStockId, survivorStockId, 'updated in place');
    assert.equal(stock('BJ-DX-01')!.FForbidStatus, 'A');
    await until(async () => (await syncStatusOf(mergedId)) === 'forbidden', 'the merged-away record shown as forbidden');
    await until(async () => (await syncStatusOf(survivorId)) === 'synced', 'the survivor synced');
    const merged = await api.call('GET', `/warehouses/${mergedId}`);
    assert.deepEqual([merged.record.status, merged.record.mergedInto], ['retired', survivorId]);
    assert.ok(merged.crossReference.wdt.every((x: { active: boolean }) => !x.active));
    assert.equal(sims.kingdee.admin.stocks().length, SEEDED + 2, 'nothing deleted, nothing created');
  });

  it('a steward’s override with full-width brackets arrives in Kingdee exactly as typed', async () => {
    const survivorId = await goldenIdOf('BJ-DX-01');
    const detail = await api.call('PUT', `/warehouses/${survivorId}/overrides/name`, {
      value: ` ${TYPED_NAME} `,
      reason: '按门店招牌命名，已与店长确认',
    });
    assert.equal(detail.record.name, TYPED_NAME);
    assert.equal(detail.overrides.name.reason, '按门店招牌命名，已与店长确认');
    await until(() => stock('BJ-DX-01')?.FName === TYPED_NAME, `FName ${TYPED_NAME} in Kingdee`);
  });

  it('an ETag taken before the sink recorded its result still lets the steward save afterwards', async () => {
    const survivorId = await goldenIdOf('BJ-DX-01');
    const changed = await api.send('PUT', `/warehouses/${survivorId}/overrides/remark`, {
      body: { value: '周日不收货', reason: '店长电话确认' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.json));
    const etag = changed.headers.get('etag');
    assert.ok(etag, 'the override answers with the new ETag');
    await until(() => stock('BJ-DX-01')?.FDescription === '周日不收货', 'the remark in Kingdee');
    await until(async () => {
      const detail = await api.call('GET', `/warehouses/${survivorId}`);
      return (
        detail.kingdeeSync.status === 'synced' &&
        detail.kingdeeSync.syncedVersion === changed.json.version &&
        detail.streamVersion > changed.json.streamVersion
      );
    }, 'the sink’s result recorded for that version (the stream moved on, the record version did not)');
    const later = await api.send('PUT', `/warehouses/${survivorId}/overrides/remark`, {
      body: { value: '周日不收货，节假日照常', reason: '店长补充' },
      headers: { 'if-match': etag },
    });
    assert.equal(later.status, 200, `the sink's result must not make the steward's ETag stale: ${JSON.stringify(later.json)}`);
    await until(() => stock('BJ-DX-01')?.FDescription === '周日不收货，节假日照常', 'the second remark in Kingdee');
  });

  it('retire → forbidden in Kingdee; restore → enabled and written again', async () => {
    const no = sims.wdt.admin.listWarehouses()[3]!.warehouse_no;
    const id = await goldenIdOf(no);
    await api.call('POST', `/warehouses/${id}/retire`, { reason: 'WDT 已删除，仓库关闭' });
    await until(() => stock(no)?.FForbidStatus === 'B', `${no} forbidden`);
    await until(async () => (await syncStatusOf(id)) === 'forbidden', 'status forbidden');
    await api.call('POST', `/warehouses/${id}/restore`, { reason: '仓库重新启用' });
    await until(() => stock(no)?.FForbidStatus === 'A', `${no} enabled again`);
    await until(async () => (await syncStatusOf(id)) === 'synced', 'status synced');
  });

  it('a record never written to Kingdee, retired, ends "not in Kingdee" and its failure task is closed', async () => {
    sims.kingdee.admin.rejectNumber('BJ-DX-09');
    sims.wdt.admin.addWarehouse({ warehouse_no: 'BJ-DX-09', name: '北京大兴临时仓', ...DAXING, address: '魏善庄镇1号' });
    assert.equal((await api.sync()).status, 'succeeded');
    await until(async () => (await api.syncFailureTasks('open')).length === 1, 'the rejected record’s task');
    const id = await goldenIdOf('BJ-DX-09');
    await api.call('POST', `/warehouses/${id}/retire`, { reason: '临时仓，不再使用' });
    await until(async () => (await syncStatusOf(id)) === 'not_in_kingdee', 'status not in Kingdee');
    assert.equal(stock('BJ-DX-09'), undefined);
    await api.readModelsAtHead(); // the tasks read model may trail the sync status waited for above
    assert.deepEqual(await api.syncFailureTasks('open'), []);
  });

  it('a warehouse WDT deleted, retired by a steward, then listed by WDT again: restored and enabled in Kingdee', async () => {
    const gone = sims.wdt.admin.listWarehouses()[5]!;
    const id = await goldenIdOf(gone.warehouse_no);
    sims.wdt.admin.deleteWarehouse(gone.warehouse_no);
    assert.equal((await api.sync()).status, 'succeeded');
    await until(async () => (await api.call('GET', `/warehouses/${id}`)).dataQuality.missingInWdt, 'flagged missing in WDT');
    await api.call('POST', `/warehouses/${id}/retire`, { reason: 'WDT 已删除该仓库' });
    await until(() => stock(gone.warehouse_no)?.FForbidStatus === 'B', 'forbidden after the retirement');
    sims.wdt.admin.addWarehouse({ ...gone, name: `${gone.name}（重开）` });
    assert.equal((await api.sync()).status, 'succeeded');
    await until(() => stock(gone.warehouse_no)?.FForbidStatus === 'A', 'enabled again');
    await until(() => stock(gone.warehouse_no)?.FName === `${gone.name}（重开）`, 'rewritten with the new name, as typed');
    await api.readModelsAtHead(); // Kingdee was written from the topic; the golden read model may still trail it
    const detail = await api.call('GET', `/warehouses/${id}`);
    assert.equal(detail.record.status, 'active');
    await until(async () => (await syncStatusOf(id)) === 'synced', 'status synced');
  });
});
