import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Global, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { openApiSchemas } from '../../test/support/openapi-schemas';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { waitFor } from '../../test/support/wait-for';
import { loadConfig } from '../config/config';
import { ConfigModule } from '../platform/config.module';
import { DatabaseModule } from '../platform/database/database.module';
import { HttpPlatformModule } from '../platform/http/http.module';
import { buildOpenApiDocument } from '../platform/http/openapi';
import { LoggingModule } from '../platform/logging/logging.module';
import { WdtWarehouse } from '../contracts/wdt-warehouse';
import { WDT_OBSERVATION_RECORDER, WdtObservationRecorder } from '../contracts/wdt-observation-recorder.port';
import { pointedAt } from '../runtime/demo-simulators';
import { startWdtSimulator, WdtSimulator } from '../simulators/wdt';
import { WdtIngestionModule } from './wdt-ingestion.module';

const observed: WdtWarehouse[] = [];
const recorder: WdtObservationRecorder = {
  recordObservations: async (list) => {
    observed.push(...list);
    return list.map((w) => ({ warehouseNo: w.warehouseNo, goldenId: w.warehouseNo, outcome: 'created', changedFields: [] }));
  },
  flagMissing: async () => [],
  previewMissing: async () => ({ codes: [], known: 0 }),
  reportListingCheck: async () => undefined,
};

@Global()
@Module({ providers: [{ provide: WDT_OBSERVATION_RECORDER, useValue: recorder }], exports: [WDT_OBSERVATION_RECORDER] })
class FakeRecorderModule {}

describe('WdtIngestionModule (against a WDT simulator: HTTP, schedule)', () => {
  let db: TestDatabase;
  let simulator: WdtSimulator;
  let app: INestApplication;
  let url: string;
  const call = async (method: string, path: string, key = 'admin-key') => {
    const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  before(async () => {
    db = await createTestDatabase('wdt_ingestion_module');
    // As the demo runtime does: the module starts no simulator, it is handed one's settings.
    simulator = await startWdtSimulator({ port: 0 });
    const configured = loadConfig({
      DATABASE_URL: db.url,
      WDT_POLL_INTERVAL: '1h',
      MDM_API_KEYS: 'ops:admin:admin-key,viewer:reader:reader-key',
      LOG_LEVEL: 'silent',
    });
    const config = { ...configured, wdt: pointedAt(configured.wdt, simulator) };
    app = await NestFactory.create(
      {
        module: class TestApp {},
        imports: [
          ConfigModule.forRoot(config),
          CqrsModule.forRoot(),
          LoggingModule.forRoot(LoggingModule.loggerFor(config)),
          DatabaseModule,
          HttpPlatformModule,
          FakeRecorderModule,
          WdtIngestionModule.forRoot({ schedule: true }),
        ],
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  after(async () => {
    await app?.close();
    await simulator?.stop();
    await db?.close();
  });

  it('the schedule pulls once at start', async () => {
    const runs = await waitFor(async () => {
      const { body } = await call('GET', '/api/v1/sync/wdt/runs', 'reader-key');
      return (body as unknown as { status: string; trigger: string }[]).find((r) => r.status === 'succeeded' && r.trigger === 'schedule');
    }, 'a scheduled run');
    assert.ok(runs);
    assert.equal(new Set(observed.map((w) => w.warehouseNo)).size, simulator.admin.listWarehouses().length);
  });

  it('POST /api/v1/sync/wdt answers 202 with the run, which then succeeds', async () => {
    const started = await call('POST', '/api/v1/sync/wdt');
    assert.equal(started.status, 202);
    assert.equal(started.body.status, 'running');
    const fits = openApiSchemas(buildOpenApiDocument(app));
    fits('WdtSyncStartedDto', started.body);
    const run = await waitFor(async () => {
      const { body } = await call('GET', started.body.run, 'reader-key');
      return body.status === 'succeeded' ? body : undefined;
    }, 'the API run');
    assert.equal(run.trigger, 'api');
    assert.equal(run.actor, 'api:ops');
    fits('SyncRunDto', run);
  });

  it('answers 409 while a run is in progress, 403 for a reader, 404 for an unknown run', async () => {
    simulator.admin.slowPages(200);
    const first = await call('POST', '/api/v1/sync/wdt');
    const second = await call('POST', '/api/v1/sync/wdt');
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'conflict');
    assert.equal(second.body.error.details.runId, first.body.runId);
    simulator.admin.slowPages(0);
    assert.equal((await call('POST', '/api/v1/sync/wdt', 'reader-key')).status, 403);
    assert.equal((await call('GET', '/api/v1/sync/wdt/runs/nope', 'reader-key')).status, 404);
    await waitFor(async () => (await call('GET', first.body.run, 'reader-key')).body.status !== 'running', 'the slow run to end');
  });
});
