import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { wdtWarehouse } from '../testing/fixtures';
import { TEST_KEYS, TestApp, startTestApp } from '../testing/test-app';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../testing/test-kit';

/** The order a bad request meets its answer in: auth (401/403), media type (415), validation (400), version (412). */
describe('request checks: 415 before validation, 400 before 412 (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  let api: TestApp;
  let goldenId: string;
  let base: string;
  const steward = { authorization: `Bearer ${TEST_KEYS.steward}` };

  before(async () => {
    kit = await createWarehousesTestKit('request_checks');
    api = await startTestApp(kit);
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as { port: number }).port}`;
    const [created] = await kit.warehouses.observationRecorder.recordObservations([wdtWarehouse()], syncContext());
    goldenId = created!.goldenId;
    await api.call('PUT', `/api/v1/warehouses/${goldenId}/overrides/name`, {
      key: 'steward',
      body: { value: '浦东中心仓', reason: '统一命名' },
    }); // record version 2: If-Match "1" is stale from here on
  });
  after(async () => {
    await api?.app.close();
    await kit.close();
  });

  it('415 with a clear message for a form body or a body without Content-Type', async () => {
    const url = `${base}/api/v1/warehouses/${goldenId}/overrides/contact`;
    const json = JSON.stringify({ value: '李娜', reason: '换人' });
    const form = await fetch(url, {
      method: 'PUT',
      headers: { ...steward, 'content-type': 'application/x-www-form-urlencoded' },
      body: json,
    });
    const formBody = (await form.json()) as { error: { code: string; message: string } };
    assert.deepEqual([form.status, formBody.error.code], [415, 'unsupported_media_type']);
    assert.match(formBody.error.message, /Content-Type: application\/json \(got application\/x-www-form-urlencoded\)/);
    const bare = await fetch(url, { method: 'PUT', headers: steward, body: new Blob([json]) });
    const bareBody = (await bare.json()) as { error: { code: string; message: string } };
    assert.deepEqual([bare.status, bareBody.error.code], [415, 'unsupported_media_type']);
    assert.match(bareBody.error.message, /no Content-Type was sent/);
    const anonymous = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: json });
    assert.equal(anonymous.status, 401, 'authentication comes first');
    const charset = await fetch(url, {
      method: 'PUT',
      headers: { ...steward, 'content-type': 'application/json; charset=utf-8' },
      body: json,
    });
    assert.equal(charset.status, 200, 'JSON with a charset is JSON');
  });

  it('a POST without a body needs no Content-Type', async () => {
    const open = await api.call('GET', '/api/v1/stewardship/tasks', { key: 'reader' });
    assert.equal(open.status, 200);
    const response = await fetch(`${base}/api/v1/stewardship/tasks/task_nope/resolve`, { method: 'POST', headers: steward });
    assert.equal(response.status, 400, 'validation (action missing), not 415');
  });

  it('a bad body with a stale If-Match is 400 (validation first), a good one 412', async () => {
    const path = `/api/v1/warehouses/${goldenId}/overrides/mobile`;
    const bad = await api.call('PUT', path, { key: 'steward', body: { value: '12345', reason: '换人' }, headers: { 'if-match': '"1"' } });
    assert.deepEqual([bad.status, bad.body.error.code, bad.body.error.details[0].field], [400, 'validation_failed', 'value']);
    const noReason = await api.call('PUT', path, { key: 'steward', body: { value: '13800138000' }, headers: { 'if-match': '"1"' } });
    assert.deepEqual([noReason.status, noReason.body.error.details[0].field], [400, 'reason']);
    const unknownField = await api.call('PUT', `/api/v1/warehouses/${goldenId}/overrides/colour`, {
      key: 'steward',
      body: { value: '红', reason: '测试' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(unknownField.status, 400);
    const good = await api.call('PUT', path, {
      key: 'steward',
      body: { value: '13800138000', reason: '换人' },
      headers: { 'if-match': '"1"' },
    });
    assert.deepEqual([good.status, good.body.error.code], [412, 'version_mismatch']);
  });
});
