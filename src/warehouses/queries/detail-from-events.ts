import { StoredEvent } from '../../event-store/stored-event';
import { goldenChangesOf } from '../domain/events';
import { publishedRecord } from '../domain/published-record';
import { WarehouseState } from '../domain/state';
import { toDomainEvent } from '../application/warehouse-streams';
import { summarise, syncStatusOf } from '../projections/stream-summary';
import { LineageView, WarehouseDetail, iso } from './warehouse-detail';

/** A golden record folded from its events (all, or those recorded up to `asOf`). */
export function detailFromEvents(goldenId: string, events: readonly StoredEvent[], asOf: Date | null): WarehouseDetail | null {
  const summary = summarise(events);
  const { state } = summary;
  if (state.golden === null) return null;
  return {
    goldenId,
    version: state.recordVersion,
    streamVersion: summary.version,
    asOf: iso(asOf),
    record: publishedRecord(state),
    lineage: lineageOf(events),
    overrides: { ...state.overrides },
    crossReference: crossReferenceOf(state),
    kingdeeSync: {
      status: syncStatusOf(summary),
      publishedVersion: summary.publishedRecordVersion,
      syncedVersion: summary.syncedRecordVersion,
      publishedStreamVersion: summary.publishedVersion,
      syncedStreamVersion: state.kingdee.syncedVersion,
      lastError: summary.lastError,
      lastAttemptAt: iso(summary.lastSyncAttemptAt),
    },
    dataQuality: { missingInWdt: Object.values(state.sources).some((s) => s.missing), flags: qualityFlags(state) },
    openTasks: [
      ...Object.values(state.duplicateTasks)
        .filter((t) => t.status === 'open')
        .map((t) => ({ taskId: t.taskId, type: 'duplicate' as const })),
      ...Object.values(state.kingdee.failures)
        .filter((f) => f.open)
        .map((f) => ({ taskId: f.taskId, type: 'sync_failure' as const })),
    ].sort((a, b) => (a.taskId < b.taskId ? -1 : 1)),
  };
}

function lineageOf(events: readonly StoredEvent[]): Record<string, LineageView> {
  const lineage: Record<string, LineageView> = {};
  for (const stored of events) {
    for (const c of goldenChangesOf(toDomainEvent(stored))) {
      lineage[c.field] = { value: c.new, source: c.source, rule: c.rule, eventId: stored.eventId, at: stored.recordedAt.toISOString() };
    }
  }
  return lineage;
}

function crossReferenceOf(state: WarehouseState): WarehouseDetail['crossReference'] {
  const active = state.mergedInto === null;
  const wdt = Object.values(state.sources)
    .map((s) => ({ system: s.source.system, warehouseNo: s.source.key, warehouseId: s.externalId, active }))
    .sort((a, b) => (a.system + a.warehouseNo < b.system + b.warehouseNo ? -1 : 1));
  const { fNumber, fStockId } = state.kingdee;
  return { wdt, kingdee: fNumber === null ? null : { fNumber, fStockId } };
}

/** Findings of every current source, once each. */
export function qualityFlags(state: WarehouseState): WarehouseDetail['dataQuality']['flags'] {
  const flags = Object.values(state.sources).flatMap((s) => s.normalised.qualityFlags);
  return [...new Map(flags.map((f) => [`${f.field}:${f.code}`, f])).values()];
}
