import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { WDT_OBSERVATION_RECORDER } from '../contracts/wdt-observation-recorder.port';
import { KINGDEE_SYNC_RESULT_RECORDER } from '../contracts/kingdee-sync-result-recorder.port';
import { READ_MODELS } from '../platform/http/read-your-writes';
import { DATA_SOURCE, EVENT_STORE } from '../platform/tokens';
import { WAREHOUSES, WAREHOUSE_PROJECTIONS } from './warehouses.tokens';
import { Warehouses, createWarehouses } from './warehouses.factory';
import { LifecycleController } from './api/lifecycle.controller';
import { OverridesController } from './api/overrides.controller';
import { StewardshipController } from './api/stewardship.controller';
import { WarehousesController } from './api/warehouses.controller';

/**
 * Golden warehouse records: the ingestion and Kingdee-sink ports, the stewards' API and the read
 * models. Needs DATA_SOURCE and EVENT_STORE from the platform (global) modules.
 */
@Module({
  controllers: [WarehousesController, OverridesController, LifecycleController, StewardshipController],
  providers: [
    {
      provide: WAREHOUSES,
      inject: [DATA_SOURCE, EVENT_STORE],
      useFactory: (dataSource: DataSource, store: EventStore) => createWarehouses(dataSource, store),
    },
    { provide: WDT_OBSERVATION_RECORDER, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.observationRecorder },
    { provide: KINGDEE_SYNC_RESULT_RECORDER, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.syncResultRecorder },
    { provide: WAREHOUSE_PROJECTIONS, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.projections },
    // ?minPosition= on this module's GETs waits for every warehouses read model (not the publisher).
    { provide: READ_MODELS, inject: [WAREHOUSES], useFactory: (w: Warehouses) => w.projections.map((p) => p.name) },
  ],
  exports: [WAREHOUSES, WDT_OBSERVATION_RECORDER, KINGDEE_SYNC_RESULT_RECORDER, WAREHOUSE_PROJECTIONS],
})
export class WarehousesModule {}
