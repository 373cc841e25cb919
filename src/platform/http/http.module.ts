import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../tokens';
import { ApiKeyGuard, API_KEYS } from './api-key.guard';
import { loadApiKeys } from './api-keys';
import { ErrorFilter } from './error.filter';
import { PositionHeaderInterceptor } from './read-your-writes';

@Global()
@Module({
  providers: [
    { provide: API_KEYS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadApiKeys(config) },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: PositionHeaderInterceptor },
  ],
  exports: [API_KEYS],
})
export class HttpPlatformModule {}
