import {
  MissingPreview,
  ObservationContext,
  ObservationOutcome,
  WdtListingCheck,
  WdtObservationRecorder,
} from '../../contracts/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { FlagMissingInWdtHandler } from './flag-missing-in-wdt/flag-missing-in-wdt.handler';
import { RecordWdtObservationsHandler } from './record-wdt-observations/record-wdt-observations.handler';
import { WdtListingChecksHandler } from './wdt-listing-checks/wdt-listing-checks.handler';

/** The ingestion port, implemented by the warehouses handlers. */
export class WarehousesWdtObservationRecorder implements WdtObservationRecorder {
  constructor(
    private readonly record: RecordWdtObservationsHandler,
    private readonly flag: FlagMissingInWdtHandler,
    private readonly listingChecks: WdtListingChecksHandler,
  ) {}

  recordObservations(observations: readonly WdtWarehouse[], context: ObservationContext): Promise<ObservationOutcome[]> {
    return this.record.execute(observations, context);
  }

  flagMissing(seen: ReadonlySet<string>, context: ObservationContext): Promise<string[]> {
    return this.flag.execute(seen, context);
  }

  previewMissing(seen: ReadonlySet<string>): Promise<MissingPreview> {
    return this.flag.preview(seen);
  }

  reportListingCheck(check: WdtListingCheck, context: ObservationContext): Promise<void> {
    return this.listingChecks.report(check, context);
  }
}
