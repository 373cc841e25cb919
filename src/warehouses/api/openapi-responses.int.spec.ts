import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiSchemas } from '../../../test/support/openapi-schemas';
import { buildOpenApiDocument } from '../../platform/http/openapi';
import { wdtWarehouse } from '../testing/fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../testing/test-kit';

/** Real answers fit the OpenAPI schemas the console is typed from (see test/support/openapi-schemas.ts). */
describe('warehouses API answers as its OpenAPI document says', () => {
  let kit: WarehousesTestKit;
  let api: TestApp;
  let fits: ReturnType<typeof openApiSchemas>;
  let goldenId: string;

  before(async () => {
    kit = await createWarehousesTestKit('warehouses_openapi_responses');
    api = await startTestApp(kit);
    const [created] = await kit.warehouses.observationRecorder.recordObservations(
      [wdtWarehouse(), wdtWarehouse({ warehouseNo: 'SH-PD-02', warehouseId: '102', remark: '同一仓库' })],
      syncContext(),
    );
    goldenId = created!.goldenId;
    await kit.catchUp();
    fits = openApiSchemas(buildOpenApiDocument(api.app));
  });
  after(async () => {
    await api?.app.close();
    await kit?.close();
  });

  it('search, detail (after an override), history and tasks', async () => {
    const changed = await api.call('PUT', `/api/v1/warehouses/${goldenId}/overrides/coordinates`, {
      key: 'steward',
      body: { value: { x: 121.7, y: 31.2 }, reason: '实地测量' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    fits('WarehouseDetailDto', changed.body);
    await kit.catchUp();

    const page = await api.call('GET', '/api/v1/warehouses', { key: 'reader' });
    assert.equal(page.body.total, 2);
    fits('WarehousePageDto', page.body);

    const detail = await api.call('GET', `/api/v1/warehouses/${goldenId}`, { key: 'reader' });
    assert.ok(detail.body.overrides.coordinates, 'the override is in the detail');
    assert.ok(Object.keys(detail.body.lineage).length > 5, 'lineage per field');
    fits('WarehouseDetailDto', detail.body);

    const history = await api.call('GET', `/api/v1/warehouses/${goldenId}/history`, { key: 'reader' });
    assert.ok(history.body.length >= 2);
    for (const entry of history.body) fits('HistoryEntryDto', entry);

    const tasks = await api.call('GET', '/api/v1/stewardship/tasks?type=duplicate', { key: 'reader' });
    assert.ok(tasks.body.items.length >= 1, 'the near-identical pair is a suspected duplicate');
    fits('TaskPageDto', tasks.body);
  });
});
