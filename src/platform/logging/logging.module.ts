import { DynamicModule, Global, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { AppConfig, configuredSecrets } from '../../config/config';
import { createLogger } from './logger';

export const LOGGER = Symbol('Logger');
export type { Logger };

/** One pino logger for the whole app; main.ts creates it first so start-up lines use it too. */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: LoggingModule, providers: [{ provide: LOGGER, useValue: logger }], exports: [LOGGER] };
  }

  static loggerFor(config: AppConfig): Logger {
    return createLogger({ level: config.logLevel, secrets: configuredSecrets(config) });
  }
}
