import { GoldenRecordFold } from '../publishing/golden-record-fold';
import {
  evolve,
  goldenChangeOf,
  goldenIdOfStream,
  initialState,
  isWarehouseEvent,
  publishedRecord,
  publishedSources,
  WarehouseEvent,
  WarehouseState,
} from './domain';

/** How the publisher folds golden-record streams: the warehouses domain, behind the publishing port. */
export const warehouseGoldenFold: GoldenRecordFold<WarehouseState> = {
  isGoldenStream: (streamId) => goldenIdOfStream(streamId) !== null,
  initialState,
  // Events of types this code does not know (a newer hub wrote them) leave the state as it is.
  evolve: (state, event) => (isWarehouseEvent(event) ? evolve(state, event as WarehouseEvent) : state),
  goldenChangeOf: (event, before, after) => (isWarehouseEvent(event) ? goldenChangeOf(event as WarehouseEvent, before, after) : null),
  goldenId: (state) => state.goldenId!,
  publishedRecord,
  wdtSource: (state) => publishedSources(state).wdt,
};
