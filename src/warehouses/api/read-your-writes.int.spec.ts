import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { wdtWarehouse } from '../testing/fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../testing/test-kit';

/** Projections run only when the test says (kit.catchUp), so "the read model is behind" is a state the test controls. */
describe('read your writes: X-Mdm-Position and ?minPosition= (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  let api: TestApp;
  let goldenId: string;
  const head = async (): Promise<string> => (await kit.db.dataSource.query(`SELECT max(global_position)::text AS p FROM events`))[0].p;

  before(async () => {
    kit = await createWarehousesTestKit('read_your_writes');
    api = await startTestApp(kit, { readWaitMs: 3000 });
    const [created] = await kit.warehouses.observationRecorder.recordObservations([wdtWarehouse()], syncContext());
    goldenId = created!.goldenId;
    await kit.catchUp();
  });
  after(async () => {
    await api?.app.close();
    await kit.close();
  });

  it('a change answers with the position of its event; a read at that position waits for every read model', async () => {
    const put = await api.call('PUT', `/api/v1/warehouses/${goldenId}/overrides/name`, {
      key: 'steward',
      body: { value: '浦东中心仓', reason: '统一命名' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(put.status, 200);
    const position = put.headers.get('x-mdm-position');
    assert.equal(position, await head(), 'the override is the newest event');
    const stale = await api.call('GET', `/api/v1/warehouses/${goldenId}`, { key: 'reader' });
    assert.equal(stale.body.record.name, '上海浦东仓', 'without minPosition: the read model as it stands');

    const waiting = api.call('GET', `/api/v1/warehouses/${goldenId}?minPosition=${position}`, { key: 'reader' });
    const tasks = api.call('GET', `/api/v1/stewardship/tasks?minPosition=${position}`, { key: 'reader' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await kit.catchUp();
    const fresh = await waiting;
    assert.deepEqual([fresh.status, fresh.body.record.name], [200, '浦东中心仓']);
    assert.equal((await tasks).status, 200);
    const history = await api.call('GET', `/api/v1/warehouses/${goldenId}/history?minPosition=${position}`, { key: 'reader' });
    assert.equal(history.body.at(-1).type, 'FieldOverridden');
  });

  it('a refused change (412) carries the head, so the caller can read what it met', async () => {
    const stale = await api.call('PUT', `/api/v1/warehouses/${goldenId}/overrides/contact`, {
      key: 'steward',
      body: { value: '李娜', reason: '换人' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.headers.get('x-mdm-position'), await head());
  });

  it('503 read_models_behind with Retry-After after the bounded wait; 400 for a position that is not a number', async () => {
    const future = String(BigInt(await head()) + 1000n);
    const started = Date.now();
    const late = await api.call('GET', `/api/v1/warehouses?minPosition=${future}`, { key: 'reader' });
    assert.equal(late.status, 503);
    assert.equal(late.body.error.code, 'read_models_behind');
    assert.match(late.body.error.message, /warehouses\.golden-records/);
    assert.ok(Number(late.headers.get('retry-after')) >= 1);
    assert.ok(Date.now() - started >= 3000, 'it waited');
    const bad = await api.call('GET', `/api/v1/warehouses/${goldenId}?minPosition=soon`, { key: 'reader' });
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'validation_failed']);
  });
});
