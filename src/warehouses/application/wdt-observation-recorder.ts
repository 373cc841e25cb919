import { ObservationContext, ObservationOutcome, WdtObservationRecorder } from '../../ingestion/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../ingestion/wdt-client/wdt-warehouse';
import { FlagMissingInWdtHandler } from './flag-missing-in-wdt/flag-missing-in-wdt.handler';
import { RecordWdtObservationsHandler } from './record-wdt-observations/record-wdt-observations.handler';

/** The ingestion port, implemented by the two warehouses handlers. */
export class WarehousesWdtObservationRecorder implements WdtObservationRecorder {
  constructor(
    private readonly record: RecordWdtObservationsHandler,
    private readonly flag: FlagMissingInWdtHandler,
  ) {}

  recordObservations(observations: readonly WdtWarehouse[], context: ObservationContext): Promise<ObservationOutcome[]> {
    return this.record.execute(observations, context);
  }

  flagMissing(seen: ReadonlySet<string>, context: ObservationContext): Promise<string[]> {
    return this.flag.execute(seen, context);
  }
}
