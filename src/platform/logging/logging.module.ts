import { Global, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { AppConfig, configuredSecrets } from '../../config/config';
import { APP_CONFIG } from '../tokens';
import { createLogger } from './logger';

export const LOGGER = Symbol('Logger');
export type { Logger };

@Global()
@Module({
  providers: [
    {
      provide: LOGGER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createLogger({ level: config.logLevel, secrets: configuredSecrets(config) }),
    },
  ],
  exports: [LOGGER],
})
export class LoggingModule {}
