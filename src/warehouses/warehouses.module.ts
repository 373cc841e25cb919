import { Module, Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { WDT_OBSERVATION_RECORDER } from '../contracts/wdt-observation-recorder.port';
import { KINGDEE_SYNC_RESULT_RECORDER } from '../contracts/kingdee-sync-result-recorder.port';
import { READ_MODELS } from '../platform/http/read-your-writes';
import { DATA_SOURCE, EVENT_STORE } from '../platform/tokens';
import { WAREHOUSES, WAREHOUSE_PROJECTIONS } from './warehouses.tokens';
import { WAREHOUSE_COMMAND_HANDLERS, Warehouses, createWarehouses } from './warehouses.factory';
import { WAREHOUSE_QUERY_HANDLERS } from './queries/queries';
import { LifecycleController } from './api/lifecycle.controller';
import { OverridesController } from './api/overrides.controller';
import { StewardshipController } from './api/stewardship.controller';
import { WarehousesController } from './api/warehouses.controller';

/**
 * The command handlers as providers, so the CqrsModule registers them with the CommandBus (it finds
 * @CommandHandler on each instance's class; the factory built them).
 */
const handlerProviders: Provider[] = WAREHOUSE_COMMAND_HANDLERS.map((type) => ({
  provide: type,
  inject: [WAREHOUSES],
  useFactory: (w: Warehouses) => w.handlers.find((h) => h instanceof type),
}));

/** The query handlers, over the feature's WarehouseQueries, for the QueryBus. */
const queryProviders: Provider[] = WAREHOUSE_QUERY_HANDLERS.map((type) => ({
  provide: type,
  inject: [WAREHOUSES],
  useFactory: (w: Warehouses) => new type(w.queries),
}));

/**
 * Golden warehouse records: the ingestion and Kingdee-sink ports, the stewards' API and the read
 * models; every change is a command on the CommandBus (CqrsModule.forRoot() in the app). Needs
 * DATA_SOURCE and EVENT_STORE from the platform (global) modules.
 */
@Module({
  controllers: [WarehousesController, OverridesController, LifecycleController, StewardshipController],
  providers: [
    {
      provide: WAREHOUSES,
      inject: [DATA_SOURCE, EVENT_STORE, CommandBus],
      useFactory: (dataSource: DataSource, store: EventStore, bus: CommandBus) => createWarehouses(dataSource, store, { bus }),
    },
    ...handlerProviders,
    ...queryProviders,
    { provide: WDT_OBSERVATION_RECORDER, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.observationRecorder },
    { provide: KINGDEE_SYNC_RESULT_RECORDER, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.syncResultRecorder },
    { provide: WAREHOUSE_PROJECTIONS, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.projections },
    // ?minPosition= on this module's GETs waits for every warehouses read model (not the publisher).
    { provide: READ_MODELS, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.projections.map((p) => p.name) },
  ],
  exports: [WAREHOUSES, WDT_OBSERVATION_RECORDER, KINGDEE_SYNC_RESULT_RECORDER, WAREHOUSE_PROJECTIONS],
})
export class WarehousesModule {}
