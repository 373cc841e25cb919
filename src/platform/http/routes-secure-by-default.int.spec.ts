import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Get, Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { loadConfig } from '../../config/config';
import { ConfigModule } from '../config.module';
import { RunningHub, startHub } from '../../hub';
import { createLogger } from '../logging/logger';
import { LoggingModule } from '../logging/logging.module';
import { DATA_SOURCE } from '../tokens';
import { HttpPlatformModule } from './http.module';
import { buildOpenApiDocument, API_KEY_SCHEME } from './openapi';
import { Public, Roles } from './roles.decorator';
import { RouteInventory } from './route-inventory';

const READER = 'rk_routes_reader_0123456789';

/** Express-registered routes (Nest's and anything else mounted on the app), as `METHOD /path`. */
function expressRoutes(hub: RunningHub): string[] {
  const express = hub.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`) : [],
  );
}

describe('secure by default: every route the hub registers has a role or is public', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  before(async () => {
    db = await createTestDatabase('routes_secure');
    const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', MDM_API_KEYS: `view:reader:${READER}`, WDT_POLL_INTERVAL: '0' });
    hub = await startHub(config, { runWorkers: false, logger: createLogger({ level: 'silent', secrets: [] }) });
  });
  after(async () => {
    await hub?.stop();
    await db?.close();
  });

  it('lists every route with its access; none lacks one; Express holds no route the list misses', async (t) => {
    const routes = hub.app.get(RouteInventory).routes();
    t.diagnostic(`${routes.length} routes:\n${routes.map((r) => `${r.method.padEnd(6)} ${r.path.padEnd(48)} ${r.access}`).join('\n')}`);
    assert.ok(routes.length >= 20, 'the whole app was enumerated');
    assert.deepEqual(
      routes.filter((r) => r.access === 'none').map((r) => `${r.method} ${r.path}`),
      [],
      'routes without @Roles or @Public',
    );
    assert.deepEqual(
      routes
        .filter((r) => r.access === 'public')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
      ['GET /api/asyncapi.json', 'GET /api/asyncapi.yaml', 'GET /api/v1/health'],
    );
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    // Public by design, outside the controllers: the Swagger UI and the console's static files (whose
    // middleware hands /api/* and /metrics on to the guarded routes).
    const infrastructure = (r: string) => /^(GET|HEAD) \/api\/docs/.test(r) || /^(GET|HEAD) \/\{\*path\}$/.test(r);
    const unlisted = expressRoutes(hub).filter((r) => !known.has(r) && !infrastructure(r));
    assert.deepEqual(unlisted, [], 'routes registered outside the controllers');
    const console = await fetch(`${hub.url}/warehouses/x`);
    assert.ok([200, 503].includes(console.status), 'the console page answers without a key');

    // And the guard does what the list says: without a key, only public routes answer.
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, 'x');
      const response = await fetch(`${hub.url}${path}`, { method: route.method });
      const expected = route.access === 'public' ? [200, 503] : [401];
      assert.ok(expected.includes(response.status), `${route.method} ${route.path} without a key → ${response.status}`);
    }
    const metrics = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${READER}` } });
    assert.equal(metrics.status, 200, '/metrics with a reader key');
  });

  it('names the API-key scheme and lists the error responses in the OpenAPI document', () => {
    const doc = buildOpenApiDocument(hub.app);
    assert.deepEqual(doc.components?.securitySchemes?.[API_KEY_SCHEME], {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'MDM API key',
      description: 'a key of MDM_API_KEYS (name:role:key), sent as `Authorization: Bearer <key>`',
    });
    assert.deepEqual(doc.paths['/api/v1/health']!.get!.security, []);
    const put = doc.paths['/api/v1/warehouses/{id}/overrides/{field}']!.put!;
    assert.deepEqual(put.security, [{ [API_KEY_SCHEME]: [] }]);
    assert.deepEqual(Object.keys(put.responses).sort(), ['200', '400', '401', '403', '404', '409', '412', '415']);
    assert.deepEqual((put.responses['412'] as { content: unknown }).content, {
      'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } },
    });
    assert.ok((put.responses['200'] as { headers: Record<string, unknown> }).headers['X-Mdm-Position']);
    assert.match(put.description ?? '', /steward role/);
    assert.ok(doc.components?.schemas?.ErrorBody);
    const read = doc.paths['/api/v1/warehouses/{id}']!.get!;
    assert.ok(
      ['400', '401', '403', '404', '503'].every((code) => code in read.responses),
      Object.keys(read.responses).join(),
    );
  });
});

describe('the guard denies a route that declares no role', () => {
  @Controller('probe')
  class ProbeController {
    @Get('forgotten')
    forgotten() {
      return { open: true };
    }
    @Get('open')
    @Public()
    open() {
      return { open: true };
    }
    @Get('reader')
    @Roles('reader')
    reader() {
      return { open: true };
    }
  }
  @Global()
  @Module({ providers: [{ provide: DATA_SOURCE, useValue: {} }], exports: [DATA_SOURCE] })
  class NoDatabase {}

  it('403 for a route with neither @Roles nor @Public; @Public answers without a key', async () => {
    const config = loadConfig({ MDM_API_KEYS: `view:reader:${READER}` });
    @Module({
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(pino({ level: 'silent' })), NoDatabase, HttpPlatformModule],
      controllers: [ProbeController],
    })
    class ProbeModule {}
    const app = await NestFactory.create(ProbeModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/probe`;
      const auth = { authorization: `Bearer ${READER}` };
      const forgotten = await fetch(`${base}/forgotten`, { headers: auth });
      assert.equal(forgotten.status, 403);
      assert.match(((await forgotten.json()) as { error: { message: string } }).error.message, /denied by default/);
      assert.equal((await fetch(`${base}/open`)).status, 200);
      assert.equal((await fetch(`${base}/reader`)).status, 401);
      assert.equal((await fetch(`${base}/reader`, { headers: auth })).status, 200);
    } finally {
      await app.close();
    }
  });
});
