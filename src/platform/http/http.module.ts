import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../tokens';
import { ApiKeyGuard, API_KEYS } from './api-key.guard';
import { loadApiKeys } from './api-keys';
import { ErrorFilter } from './error.filter';
import { JsonBodyInterceptor } from './json-body.interceptor';
import { PositionHeaderInterceptor } from './read-your-writes';
import { RouteInventory } from './route-inventory';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    RouteInventory,
    { provide: API_KEYS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadApiKeys(config) },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: JsonBodyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: PositionHeaderInterceptor },
  ],
  exports: [API_KEYS, RouteInventory],
})
export class HttpPlatformModule {}
