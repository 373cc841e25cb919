import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { Database, DATABASE } from '../platform/database/database.module';
import { APP_CONFIG } from '../platform/tokens';
import { AdvisoryRunOwnership, InProcessRunOwnership } from './poll-wdt-warehouses/run-ownership';
import { WdtSyncRunner } from './poll-wdt-warehouses/wdt-sync-runner';
import { createWdtClient } from './wdt-client/create-wdt-client';
import { WdtClient } from './wdt-client/wdt-client';
import { WDT_OBSERVATION_RECORDER, WdtObservationRecorder } from '../contracts/wdt-observation-recorder.port';
import { WdtSyncController } from './wdt-sync.controller';
import { GetWdtSyncRunHandler, ListWdtSyncRunsHandler } from './wdt-sync-runs.queries';
import { WDT_SCHEDULE_ENABLED, WdtSyncScheduler } from './wdt-sync.scheduler';

export interface WdtIngestionOptions {
  /** Modules that provide WDT_OBSERVATION_RECORDER, unless a global module already does. */
  readonly imports?: ModuleMetadata['imports'];
  /** Run the poll schedule (default true; false for one-shot CLI commands and tests). */
  readonly schedule?: boolean;
}

/**
 * WDT ingestion: the client (企业版 or 企业奇门 by WDT_MODE), the sync runner, its schedule and
 * `POST /api/v1/sync/wdt`. Needs APP_CONFIG, DATABASE, LEADER_LOCKS, LOGGER and
 * WDT_OBSERVATION_RECORDER from the app. It starts no simulator: in demo mode the runtime
 * (src/runtime/demo-simulators.ts) has started one and filled its settings into APP_CONFIG.
 */
@Module({})
export class WdtIngestionModule {
  static forRoot(options: WdtIngestionOptions = {}): DynamicModule {
    return {
      module: WdtIngestionModule,
      imports: options.imports ?? [],
      controllers: [WdtSyncController],
      providers: [
        { provide: WDT_SCHEDULE_ENABLED, useValue: options.schedule ?? true },
        { provide: WdtClient, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createWdtClient(config.wdt) },
        {
          provide: WdtSyncRunner,
          inject: [WdtClient, WDT_OBSERVATION_RECORDER, DATABASE, APP_CONFIG, LOGGER],
          useFactory: (client: WdtClient, recorder: WdtObservationRecorder, database: Database, config: AppConfig, logger: Logger) =>
            new WdtSyncRunner({
              client,
              recorder,
              db: database.dataSource,
              ownership: database.embedded ? new InProcessRunOwnership() : new AdvisoryRunOwnership(database.url),
              options: { maxMissingShare: config.wdt.missingMaxShare },
              log: (level, message, fields) => logger[level](fields ?? {}, message),
            }),
        },
        WdtSyncScheduler,
        {
          provide: ListWdtSyncRunsHandler,
          inject: [WdtSyncRunner],
          useFactory: (runner: WdtSyncRunner) => new ListWdtSyncRunsHandler(runner),
        },
        { provide: GetWdtSyncRunHandler, inject: [WdtSyncRunner], useFactory: (runner: WdtSyncRunner) => new GetWdtSyncRunHandler(runner) },
      ],
      exports: [WdtSyncRunner, WdtClient],
    };
  }
}
