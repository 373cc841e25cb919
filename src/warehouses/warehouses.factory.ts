import { DataSource } from 'typeorm';
import { CommandPipeline, PipelineOptions } from '../event-store/command-pipeline';
import { EventStore } from '../event-store/event-store';
import { CommandDispatcher, LocalCommandBus } from '../platform/cqrs/command-dispatcher';
import { SurvivorshipPolicy, defaultSurvivorshipPolicy } from './domain/survivorship';
import { createWarehouseDecider } from './domain/warehouse-decider';
import { FlagMissingInWdtHandler } from './application/flag-missing-in-wdt/flag-missing-in-wdt.handler';
import {
  AdoptKingdeeRecordHandler,
  KingdeeFindingsReader,
  RecordKingdeeFindingsHandler,
  ResolveKingdeeFindingHandler,
} from './application/kingdee-findings/kingdee-findings.handler';
import { KingdeeFindings } from './application/kingdee-findings/kingdee-findings';
import { MatchCandidates } from './application/match-candidates';
import { OverrideFieldHandler } from './application/override-field/override-field.handler';
import { WarehousesKingdeeSyncResultRecorder } from './application/record-kingdee-sync-results/kingdee-sync-result-recorder';
import { RecordKingdeeSyncResultsHandler } from './application/record-kingdee-sync-results/record-kingdee-sync-results.handler';
import { RecordWdtObservationsHandler } from './application/record-wdt-observations/record-wdt-observations.handler';
import { ObservedKeys } from './application/record-wdt-observations/observed-keys';
import { RemoveOverrideHandler } from './application/remove-override/remove-override.handler';
import { RequestKingdeeResyncHandler } from './application/request-kingdee-resync/request-kingdee-resync.handler';
import { ResolveDuplicateHandler } from './application/resolve-stewardship-task/resolve-duplicate.handler';
import { ResolveStewardshipTaskHandler } from './application/resolve-stewardship-task/resolve-stewardship-task.handler';
import { RestoreGoldenRecordHandler } from './application/restore-golden-record/restore-golden-record.handler';
import { RetireGoldenRecordHandler } from './application/retire-golden-record/retire-golden-record.handler';
import { SourceKeyReservations } from './application/source-key-reservations';
import { StreamCommandRunner } from './application/stream-command-runner';
import { WarehousesWdtObservationRecorder } from './application/wdt-observation-recorder';
import {
  DismissWdtListingTruncationHandler,
  ReportWdtListingCheckHandler,
} from './application/wdt-listing-checks/wdt-listing-checks.handler';
import { WarehouseStreams } from './application/warehouse-streams';
import { warehouseProjections } from './projections';
import { WarehouseQueries } from './queries/warehouse-queries';

/** Every command handler the factory builds (the Nest module provides each under its class). */
export const WAREHOUSE_COMMAND_HANDLERS = [
  RecordWdtObservationsHandler,
  FlagMissingInWdtHandler,
  ReportWdtListingCheckHandler,
  DismissWdtListingTruncationHandler,
  RecordKingdeeSyncResultsHandler,
  OverrideFieldHandler,
  RemoveOverrideHandler,
  RetireGoldenRecordHandler,
  RestoreGoldenRecordHandler,
  RequestKingdeeResyncHandler,
  RecordKingdeeFindingsHandler,
  ResolveKingdeeFindingHandler,
  AdoptKingdeeRecordHandler,
  ResolveDuplicateHandler,
  ResolveStewardshipTaskHandler,
] as const;

export interface WarehousesOptions {
  readonly policy?: SurvivorshipPolicy;
  /** The app's CommandBus; absent (tests, benches), a LocalCommandBus over these handlers. */
  readonly bus?: CommandDispatcher;
  readonly pipeline?: PipelineOptions;
}

/**
 * Everything the warehouses feature offers, built from plain classes: the command handlers (the
 * Nest module registers them with the CommandBus), the ports that dispatch to them, the queries
 * and the read models.
 */
export function createWarehouses(dataSource: DataSource, store: EventStore, options: WarehousesOptions = {}) {
  const decider = createWarehouseDecider(options.policy ?? defaultSurvivorshipPolicy);
  const pipeline = new CommandPipeline(store, { ...options.pipeline, dataSource });
  const streams = new WarehouseStreams(store);
  const reservations = new SourceKeyReservations(dataSource);
  const runner = new StreamCommandRunner(pipeline, streams, decider);
  const local = new LocalCommandBus();
  const bus = options.bus ?? local;
  const flagMissing = new FlagMissingInWdtHandler(dataSource, pipeline, streams, reservations, decider);
  const handlers = [
    new RecordWdtObservationsHandler(
      pipeline,
      streams,
      reservations,
      new MatchCandidates(dataSource),
      new ObservedKeys(dataSource),
      decider,
    ),
    flagMissing,
    new ReportWdtListingCheckHandler(pipeline, store),
    new DismissWdtListingTruncationHandler(pipeline, store),
    new RecordKingdeeSyncResultsHandler(pipeline, streams, decider),
    new OverrideFieldHandler(runner),
    new RemoveOverrideHandler(runner),
    new RetireGoldenRecordHandler(runner),
    new RestoreGoldenRecordHandler(runner),
    new RequestKingdeeResyncHandler(runner),
    new RecordKingdeeFindingsHandler(runner),
    new ResolveKingdeeFindingHandler(runner),
    new AdoptKingdeeRecordHandler(runner),
    new ResolveDuplicateHandler(pipeline, streams, reservations, decider),
    new ResolveStewardshipTaskHandler(dataSource, bus),
  ];
  local.register(...handlers);
  return {
    handlers,
    bus,
    observationRecorder: new WarehousesWdtObservationRecorder(bus, flagMissing),
    syncResultRecorder: new WarehousesKingdeeSyncResultRecorder(bus, dataSource, store),
    kingdeeFindings: new KingdeeFindings(bus, new KingdeeFindingsReader(streams)),
    queries: new WarehouseQueries(dataSource, streams),
    projections: warehouseProjections(store),
  };
}

export type Warehouses = ReturnType<typeof createWarehouses>;
