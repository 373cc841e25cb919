import { EventStore } from '../../event-store/event-store';
import { Projection } from '../../event-store/processor';
import { GoldenRecordsProjection } from './golden-records.projection';
import { LineageProjection } from './lineage.projection';
import { StewardshipTasksProjection } from './stewardship-tasks.projection';
import { XrefProjection } from './xref.projection';

/** Every read model of the warehouses feature, for the lead's CheckpointedProcessor. */
export function warehouseProjections(store: EventStore): Projection[] {
  return [new GoldenRecordsProjection(store), new LineageProjection(), new XrefProjection(), new StewardshipTasksProjection()];
}

export { GoldenRecordsProjection, LineageProjection, StewardshipTasksProjection, XrefProjection };
