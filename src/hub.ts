import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AppConfig, loadConfig, redactConfig } from './config/config';
import { API_KEYS } from './platform/http/api-key.guard';
import { ApiKeys } from './platform/http/api-keys';
import { buildOpenApiDocument } from './platform/http/openapi';
import { createValidationPipe } from './platform/http/validation';
import { Logger, LoggingModule } from './platform/logging/logging.module';
import { NestPinoLogger } from './platform/logging/logger';
import { startDemoSimulators } from './runtime/demo-simulators';

export interface RunningHub {
  readonly app: INestApplication;
  readonly url: string;
  readonly config: AppConfig;
  stop(): Promise<void>;
}

/** `mdm start`: the API, the console and every worker, on the configured (or embedded) infrastructure. */
export async function startHub(
  configured: AppConfig = loadConfig(),
  options: { runWorkers?: boolean; logger?: Logger } = {},
): Promise<RunningHub> {
  // A caller's logger (tests capture every line to check that no secret is ever written).
  const logger = options.logger ?? LoggingModule.loggerFor(configured);
  logger.info({ config: redactConfig(configured) }, 'starting mdm-hub');
  const demo = await startDemoSimulators(configured, logger);
  const config = demo.config;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, logger, runWorkers: options.runWorkers }), {
    logger: new NestPinoLogger(logger),
    // A refusal at start (a restored database's transaction ids) reaches the caller as one line, not an abort.
    abortOnError: false,
  }).catch(async (error: unknown) => {
    await demo.stop();
    throw error;
  });
  app.enableShutdownHooks();
  app.useGlobalPipes(createValidationPipe());
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app));
  await app.listen(config.http.port, config.http.host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.http.host}:${address.port}`;
  const keys = app.get<ApiKeys>(API_KEYS);
  if (keys.generated) {
    logger.info({ file: keys.generated.file }, 'no MDM_API_KEYS: generated an admin API key (kept in the data dir)');
    // The one deliberate print of a key: the operator needs it to sign in.
    process.stdout.write(`\nAdmin API key: ${keys.generated.key}\n\n`);
  }
  logger.info({ url, docs: `${url}/api/docs` }, 'mdm-hub is listening');
  return {
    app,
    url,
    config,
    async stop() {
      await app.close();
      await demo.stop();
    },
  };
}
