import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { loadConfig } from './config/config';
import { createLogger } from './platform/logging/logger';
import { buildOpenApiDocument } from './platform/http/openapi';

/**
 * The OpenAPI document without a database, a broker or a port: Nest's preview mode builds the
 * module graph (controllers, DTO metadata) without running a provider. The console's API types are
 * generated from it at build time (scripts/generate-console-api.mjs). Paths and schemas are those
 * served at /api/docs-json; the role notes in descriptions need live controllers and are left out.
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const config = loadConfig({ MDM_DATA_DIR: '/nonexistent-mdm-openapi', PORT: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger({ level: 'silent', secrets: [] });
  const app = await NestFactory.create(AppModule.forRoot({ config, logger, runWorkers: false }), { preview: true, logger: false });
  try {
    return buildOpenApiDocument(app, []);
  } finally {
    await app.close();
  }
}
