import { goldenRecordOf } from '../../contracts/golden-field-catalogue';
import { GoldenChange, GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import { WarehouseEvent, goldenChangesOf } from './events';
import { valueChanged } from './golden-changes';
import { GoldenField } from './golden-fields';
import { WarehouseState } from './state';
import { WDT_SYSTEM } from './source-keys';
import { warehouseTypeLabel } from './warehouse-types';

type PublishedField = keyof GoldenWarehouseRecord;

/** The record as published on mdm.warehouse.golden.v1 (survivorship and overrides applied). */
export function publishedRecord(state: WarehouseState): GoldenWarehouseRecord {
  const g = state.golden;
  if (!g || !state.goldenId) throw new Error('publishedRecord: the golden record does not exist yet');
  const record: GoldenWarehouseRecord = { ...g, typeLabel: warehouseTypeLabel(g.typeCode), mergedInto: state.mergedInto };
  // In the catalogue's order, and nothing else a kept fold may carry.
  return goldenRecordOf(record);
}

/** Raw fields of the newest observation per source system (`sources.wdt` in the message). */
export function publishedSources(state: WarehouseState): { wdt?: Readonly<Record<string, unknown>> } {
  const wdt = Object.values(state.sources)
    .filter((s) => s.source.system === WDT_SYSTEM)
    .sort((a, b) => (a.lastObservedAt < b.lastObservedAt ? 1 : a.lastObservedAt > b.lastObservedAt ? -1 : 0))[0];
  return wdt ? { wdt: wdt.raw } : {};
}

/**
 * Whether an event changes what is published, and how. Null when it doesn't (sync results, tasks,
 * missing flags, provenance-only changes). A resync request publishes a new version with no
 * changed fields so the sink writes the record again.
 */
export function goldenChangeOf(
  event: WarehouseEvent,
  before: WarehouseState,
  after: WarehouseState,
): { change: GoldenChange; changedFields: PublishedField[] } | null {
  if (after.golden === null) return null;
  if (event.type === 'KingdeeResyncRequested') return { change: 'updated', changedFields: [] };
  if (before.golden === null) return { change: 'created', changedFields: publishedFieldsOf(Object.keys(after.golden) as GoldenField[]) };
  const changed = publishedFieldsOf(
    goldenChangesOf(event)
      .filter(valueChanged)
      .map((c) => c.field),
  );
  if (event.type === 'GoldenRecordRetired')
    return { change: 'retired', changedFields: before.mergedInto === after.mergedInto ? changed : [...changed, 'mergedInto'] };
  return changed.length > 0 ? { change: 'updated', changedFields: changed } : null;
}

function publishedFieldsOf(fields: readonly GoldenField[]): PublishedField[] {
  return fields.flatMap((f): PublishedField[] => (f === 'typeCode' ? ['typeCode', 'typeLabel'] : [f]));
}
