import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG } from './tokens';
import { AppConfig, loadConfig } from '../config/config';

export { APP_CONFIG };

/** Provides the one AppConfig to every module. Tests and the demo runtime pass their own. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
