import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildOpenApiDocument } from '../../platform/http/openapi';
import { TestApp, startTestApp } from '../testing/test-app';
import { WarehousesTestKit, createWarehousesTestKit } from '../testing/test-kit';

describe('warehouses API in OpenAPI', () => {
  let kit: WarehousesTestKit;
  let api: TestApp;
  before(async () => {
    kit = await createWarehousesTestKit('warehouses_openapi');
    api = await startTestApp(kit);
  });
  after(async () => {
    await api?.app.close();
    await kit.close();
  });

  it('documents every endpoint and DTO in OpenAPI', () => {
    const doc = buildOpenApiDocument(api.app);
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/v1/stewardship/tasks',
      '/api/v1/stewardship/tasks/{id}/resolve',
      '/api/v1/warehouses',
      '/api/v1/warehouses/{id}',
      '/api/v1/warehouses/{id}/history',
      '/api/v1/warehouses/{id}/overrides/{field}',
      '/api/v1/warehouses/{id}/restore',
      '/api/v1/warehouses/{id}/retire',
    ]);
    const schemas = Object.keys(doc.components?.schemas ?? {});
    for (const dto of [
      'OverrideFieldDto',
      'LifecycleReasonDto',
      'ResolveTaskDto',
      'WarehouseDetailDto',
      'WarehousePageDto',
      'TaskPageDto',
      'SearchFacetsDto',
    ])
      assert.ok(schemas.includes(dto), dto);
    const parameters = (doc.paths['/api/v1/warehouses']!.get!.parameters ?? []) as { name: string }[];
    assert.deepEqual(parameters.map((p) => p.name).sort(), [
      'minPosition',
      'order',
      'page',
      'pageSize',
      'q',
      'sort',
      'status',
      'syncStatus',
      'type',
    ]);
  });
});
