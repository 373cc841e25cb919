import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '../../event-store/event-store';
import { DATA_SOURCE, EVENT_STORE } from '../../platform/tokens';

@Global()
@Module({})
class TestPlatformModule {}

/** DATA_SOURCE and EVENT_STORE for a test database, as the lead's DatabaseModule provides them in the app. */
export function testPlatformModule(dataSource: DataSource, store: EventStore): DynamicModule {
  return {
    module: TestPlatformModule,
    providers: [
      { provide: DATA_SOURCE, useValue: dataSource },
      { provide: EVENT_STORE, useValue: store },
    ],
    exports: [DATA_SOURCE, EVENT_STORE],
  };
}
