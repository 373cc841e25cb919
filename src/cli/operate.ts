import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppModule } from '../app.module';
import { AppConfig, configuredSecrets, loadConfig } from '../config/config';
import { createLogger, NestPinoLogger } from '../platform/logging/logger';
import { startDemoSimulators } from '../runtime/demo-simulators';
import { HubClient } from './hub-client';

export interface Operation<T> {
  /** Through a running hub's API (the embedded database admits one process, and that is the hub). */
  remote(client: HubClient): Promise<T>;
  /** In this process, when no hub answers: the app without background workers. */
  local(app: INestApplicationContext, config: AppConfig): Promise<T>;
}

/** Runs an operator command against the running hub if there is one, else in-process. */
export async function operate<T>(operation: Operation<T>, config: AppConfig = loadConfig()): Promise<T> {
  const client = await HubClient.discover(config);
  if (client) return operation.remote(client);
  return withLocalApp(config, (app) => operation.local(app, config));
}

export async function withLocalApp<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  // Logs go to stderr (stdout carries the command's output), warnings and up unless LOG_LEVEL asks for more.
  const level = config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = createLogger({ level, secrets: configuredSecrets(config), destination: pino.destination({ dest: 2, sync: true }) });
  // On embedded defaults `mdm sync wdt` pulls from the demo's WDT simulator, as the hub would.
  const demo = await startDemoSimulators(config, logger, { kingdee: false });
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config: demo.config, logger, runWorkers: false }), {
      logger: new NestPinoLogger(logger),
      abortOnError: false,
    });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await demo.stop();
  }
}
