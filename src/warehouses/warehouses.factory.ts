import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { SurvivorshipPolicy, defaultSurvivorshipPolicy } from './domain/survivorship';
import { createWarehouseDecider } from './domain/warehouse-decider';
import { KingdeeFindingsHandler } from './application/kingdee-findings/kingdee-findings.handler';
import { FlagMissingInWdtHandler } from './application/flag-missing-in-wdt/flag-missing-in-wdt.handler';
import { OverrideFieldHandler } from './application/override-field/override-field.handler';
import { RecordKingdeeSyncResultsHandler } from './application/record-kingdee-sync-results/record-kingdee-sync-results.handler';
import { RecordWdtObservationsHandler } from './application/record-wdt-observations/record-wdt-observations.handler';
import { RemoveOverrideHandler } from './application/remove-override/remove-override.handler';
import { RequestKingdeeResyncHandler } from './application/request-kingdee-resync/request-kingdee-resync.handler';
import { ResolveDuplicateHandler } from './application/resolve-stewardship-task/resolve-duplicate.handler';
import { ResolveStewardshipTaskHandler } from './application/resolve-stewardship-task/resolve-stewardship-task.handler';
import { RestoreGoldenRecordHandler } from './application/restore-golden-record/restore-golden-record.handler';
import { RetireGoldenRecordHandler } from './application/retire-golden-record/retire-golden-record.handler';
import { StreamCommandRunner } from './application/stream-command-runner';
import { WarehousesWdtObservationRecorder } from './application/wdt-observation-recorder';
import { WdtListingChecksHandler } from './application/wdt-listing-checks/wdt-listing-checks.handler';
import { WarehouseStreams } from './application/warehouse-streams';
import { warehouseProjections } from './projections';
import { WarehouseQueries } from './queries/warehouse-queries';

/** Everything the warehouses feature offers, built from plain classes (the Nest module wraps this). */
export function createWarehouses(dataSource: DataSource, store: EventStore, policy: SurvivorshipPolicy = defaultSurvivorshipPolicy) {
  const decider = createWarehouseDecider(policy);
  const runner = new StreamCommandRunner(dataSource, store, decider);
  const resync = new RequestKingdeeResyncHandler(runner);
  const listingChecks = new WdtListingChecksHandler(store);
  return {
    observationRecorder: new WarehousesWdtObservationRecorder(
      new RecordWdtObservationsHandler(dataSource, store, decider),
      new FlagMissingInWdtHandler(dataSource, store, decider),
      listingChecks,
    ),
    syncResultRecorder: new RecordKingdeeSyncResultsHandler(dataSource, store, decider),
    overrideField: new OverrideFieldHandler(runner),
    removeOverride: new RemoveOverrideHandler(runner),
    retire: new RetireGoldenRecordHandler(runner),
    restore: new RestoreGoldenRecordHandler(runner),
    resync,
    kingdeeFindings: new KingdeeFindingsHandler(runner, new WarehouseStreams(dataSource)),
    resolveTask: new ResolveStewardshipTaskHandler(
      dataSource,
      new ResolveDuplicateHandler(dataSource, store, decider),
      resync,
      listingChecks,
    ),
    queries: new WarehouseQueries(dataSource, new WarehouseStreams(dataSource)),
    projections: warehouseProjections(),
  };
}

export type Warehouses = ReturnType<typeof createWarehouses>;
