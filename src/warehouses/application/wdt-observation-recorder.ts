import {
  MissingPreview,
  ObservationContext,
  ObservationOutcome,
  WdtListingCheck,
  WdtObservationRecorder,
} from '../../contracts/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { CommandDispatcher } from '../../platform/cqrs/command-dispatcher';
import { FlagMissingInWdtCommand, RecordWdtObservationsCommand, ReportWdtListingCheckCommand } from './commands';
import { FlagMissingInWdtHandler } from './flag-missing-in-wdt/flag-missing-in-wdt.handler';

/** The ingestion port: the sync runner's changes become commands on the bus; the preview is a read. */
export class WarehousesWdtObservationRecorder implements WdtObservationRecorder {
  constructor(
    private readonly bus: CommandDispatcher,
    private readonly flag: FlagMissingInWdtHandler,
  ) {}

  recordObservations(observations: readonly WdtWarehouse[], context: ObservationContext): Promise<ObservationOutcome[]> {
    return this.bus.execute(new RecordWdtObservationsCommand(observations, context));
  }

  flagMissing(seen: ReadonlySet<string>, context: ObservationContext): Promise<string[]> {
    return this.bus.execute(new FlagMissingInWdtCommand(seen, context));
  }

  previewMissing(seen: ReadonlySet<string>): Promise<MissingPreview> {
    return this.flag.preview(seen);
  }

  reportListingCheck(check: WdtListingCheck, context: ObservationContext): Promise<void> {
    return this.bus.execute(new ReportWdtListingCheckCommand(check, context));
  }
}
