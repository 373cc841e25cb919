import { Global, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import pino from 'pino';
import { loadConfig } from '../../config/config';
import { ConfigModule } from '../../platform/config.module';
import { HttpPlatformModule } from '../../platform/http/http.module';
import { DEFAULT_READ_WAIT_MS, READ_WAIT_MS } from '../../platform/http/read-your-writes';
import { createValidationPipe } from '../../platform/http/validation';
import { LoggingModule } from '../../platform/logging/logging.module';
import { WarehousesModule } from '../warehouses.module';
import { testPlatformModule } from './test-platform.module';
import { WarehousesTestKit } from './test-kit';

export const TEST_KEYS = { reader: 'rk_reader_0123456789', steward: 'sk_steward_0123456789' };

export interface TestApp {
  readonly app: INestApplication;
  call(
    method: string,
    path: string,
    options?: { key?: keyof typeof TEST_KEYS; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; etag: string | null; headers: Headers; body: any }>;
}

/** The warehouses module behind the lead's platform HTTP pieces (API keys, roles, error filter, validation), on port 0. */
export async function startTestApp(kit: WarehousesTestKit, options: { readWaitMs?: number } = {}): Promise<TestApp> {
  const config = loadConfig({ MDM_API_KEYS: `ann:reader:${TEST_KEYS.reader},sam:steward:${TEST_KEYS.steward}`, LOG_LEVEL: 'silent' });
  @Global()
  @Module({ providers: [{ provide: READ_WAIT_MS, useValue: options.readWaitMs ?? DEFAULT_READ_WAIT_MS }], exports: [READ_WAIT_MS] })
  class ReadWaitModule {}
  @Module({
    imports: [
      ReadWaitModule,
      ConfigModule.forRoot(config),
      CqrsModule.forRoot(),
      LoggingModule.forRoot(pino({ level: 'silent' })),
      testPlatformModule(kit.db.dataSource, kit.store),
      HttpPlatformModule,
      WarehousesModule,
    ],
  })
  class TestAppModule {}
  const app = await NestFactory.create(TestAppModule, { logger: false });
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  return {
    app,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {
        ...(options.key ? { authorization: `Bearer ${TEST_KEYS[options.key]}` } : {}),
        ...options.headers,
      };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      return {
        status: response.status,
        etag: response.headers.get('etag'),
        headers: response.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
  };
}
