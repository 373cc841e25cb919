import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from './config/config';
import { ConfigModule } from './platform/config.module';
import { ConsoleModule } from './console/console.module';
import { DatabaseModule } from './platform/database/database.module';
import { HealthModule } from './platform/health/health.module';
import { HttpPlatformModule } from './platform/http/http.module';
import { LoggingModule, Logger } from './platform/logging/logging.module';
import { MessagingModule } from './platform/messaging/messaging.module';
import { OperationsModule } from './operations/operations.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { ProcessorsModule } from './processors/processors.module';
import { ReplayModule } from './replay/replay.module';
import { SchemesRuntimeModule } from './schemes/runtime/schemes-runtime.module';
import { Projection } from './event-store/processor';
import { WdtIngestionModule } from './ingestion/wdt-ingestion.module';
import { KingdeeSinkModule } from './kingdee-sink/kingdee-sink.module';
import { GoldenRecordPublisher } from './publishing/golden-record-publisher';
import { AsyncApiModule } from './publishing/asyncapi/asyncapi.module';
import { PublishingModule } from './publishing/publishing.module';
import { warehouseGoldenFold } from './warehouses/golden-record-fold';
import { WarehousesModule } from './warehouses/warehouses.module';
import { WAREHOUSE_PROJECTIONS } from './warehouses/warehouses.tokens';

export interface AppOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** false: no background workers (one-shot CLI commands, some tests). Default true. */
  readonly runWorkers?: boolean;
}

/** Composition root: platform modules, then the features. Bootstrap only; no logic here. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const runWorkers = options.runWorkers ?? true;
    // One instance each, imported by the modules that use their providers.
    const publishing = PublishingModule.forRoot(warehouseGoldenFold);
    const kingdeeSink = KingdeeSinkModule.forRoot({ runWorkers, imports: [WarehousesModule] });
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        CqrsModule.forRoot(),
        LoggingModule.forRoot(options.logger),
        DatabaseModule,
        MessagingModule,
        HttpPlatformModule,
        HealthModule,
        ConsoleModule,
        OperationsModule.forRoot({ runWorkers }),
        ReplayModule,
        ProcessorsModule.forRoot({
          runWorkers,
          imports: [WarehousesModule, publishing],
          projections: {
            inject: [WAREHOUSE_PROJECTIONS, GoldenRecordPublisher],
            useFactory: (readModels: Projection[], publisher: GoldenRecordPublisher): Projection[] => [...readModels, publisher],
          },
        }),
        SchemesRuntimeModule,
        WarehousesModule,
        publishing,
        AsyncApiModule,
        WdtIngestionModule.forRoot({ schedule: runWorkers, imports: [WarehousesModule] }),
        kingdeeSink,
        ReconciliationModule.forRoot({ schedule: runWorkers, imports: [WarehousesModule, kingdeeSink] }),
      ],
    };
  }
}
