import { arr, bool, first, Json, num, obj, str } from './read';
import {
  FieldValue,
  GOLDEN_FIELDS,
  GoldenRecord,
  HistoryEvent,
  Job,
  Lineage,
  Override,
  QualityFlag,
  RecordRef,
  SourceKey,
  StewardshipTask,
  SyncInfo,
  SyncState,
  WarehouseDetail,
  WarehousePage,
  WarehouseRow,
  XrefEntry,
} from './types';

// Readers for the warehouses API (src/warehouses/queries: WarehouseSummary, WarehouseDetail,
// HistoryEntry, StewardshipTaskView). Defensive on purpose: a renamed property blanks a cell, not the page.
const SYNC_STATES: readonly string[] = ['pending', 'synced', 'failed', 'forbidden', 'not_in_kingdee'];

export function toPage(body: unknown, page: number, pageSize: number): WarehousePage {
  const o = obj(body);
  const items = arr(o.items).map(toRow);
  const facets = obj(o.facets);
  const counts = (name: string) => obj(facets[name]) as Record<string, number>;
  return {
    items,
    facets: { type: counts('type'), status: counts('status'), syncStatus: counts('syncStatus') },
    total: num(o.total) ?? items.length,
    page: num(o.page) ?? page,
    pageSize: num(o.pageSize) ?? pageSize,
  };
}

/** A search hit (record fields flat) or a detail (fields under `record`). */
export function toRow(body: unknown): WarehouseRow {
  const o = obj(body);
  const fields = o.record === undefined ? o : obj(o.record);
  return {
    goldenId: str(o.goldenId) ?? '',
    version: num(o.version) ?? 0,
    record: toRecord(fields),
    sync: toSync(o.kingdeeSync ?? o.syncStatus, obj(obj(o.crossReference).kingdee)),
    overriddenFields: Object.keys(obj(o.overrides)),
    missingInWdt: bool(o.missingInWdt ?? obj(o.dataQuality).missingInWdt),
    updatedAt: str(o.updatedAt),
  };
}

function fieldValue(value: unknown): FieldValue {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null) {
    const c = obj(value);
    const x = num(c.x);
    const y = num(c.y);
    return x !== null && y !== null ? { x, y } : null;
  }
  return value as FieldValue;
}

function toRecord(o: Json): GoldenRecord {
  const record = Object.fromEntries(GOLDEN_FIELDS.map((field) => [field, fieldValue(o[field])])) as Record<
    (typeof GOLDEN_FIELDS)[number],
    FieldValue
  >;
  return { ...record, typeLabel: str(o.typeLabel), mergedInto: str(o.mergedInto) };
}

/** `syncStatus: 'pending'` in a search hit; `kingdeeSync: {status, …}` plus `crossReference.kingdee` in a detail. */
function toSync(raw: unknown, kingdee: Json): SyncInfo {
  const o = typeof raw === 'string' ? { status: raw } : obj(raw);
  const status = str(o.status);
  const lastError = obj(o.lastError);
  return {
    status: status && SYNC_STATES.includes(status) ? (status as SyncState) : null,
    syncedVersion: num(o.syncedVersion),
    publishedVersion: num(o.publishedVersion),
    fStockId: str(kingdee.fStockId),
    fNumber: str(kingdee.fNumber),
    lastErrorCode: str(lastError.code),
    lastErrorMessage: str(lastError.message),
    lastAttemptAt: str(o.lastAttemptAt),
  };
}

export function toSource(raw: unknown): SourceKey | null {
  const o = obj(raw);
  const system = str(o.system);
  return system ? { system, key: str(o.key) ?? '' } : null;
}

function toLineage(raw: unknown): Lineage {
  const o = obj(raw);
  return { source: toSource(o.source), rule: str(o.rule), at: str(o.at), eventId: str(o.eventId) };
}

function toOverride(raw: unknown): Override {
  const o = obj(raw);
  return { value: fieldValue(o.value), reason: str(o.reason), actor: str(o.actor) };
}

function toXref(raw: unknown): XrefEntry[] {
  return arr(obj(raw).wdt).map((entry) => {
    const w = obj(entry);
    return {
      system: str(w.system) ?? 'wdt',
      warehouseNo: str(w.warehouseNo) ?? '',
      warehouseId: str(w.warehouseId),
      active: w.active === undefined || bool(w.active),
    };
  });
}

function mapOf<T>(raw: unknown, read: (value: unknown) => T): Partial<Record<string, T>> {
  return Object.fromEntries(Object.entries(obj(raw)).map(([field, value]) => [field, read(value)]));
}

export function toDetail(body: unknown, etag: string | null): WarehouseDetail {
  const o = obj(body);
  const row = toRow(body);
  const quality = obj(o.dataQuality);
  return {
    ...row,
    lineage: mapOf(o.lineage, toLineage),
    overrides: mapOf(o.overrides, toOverride),
    xref: toXref(o.crossReference),
    qualityFlags: arr(quality.flags).map((f): QualityFlag => ({
      field: str(obj(f).field) ?? '',
      code: str(obj(f).code) ?? '',
      message: str(obj(f).message) ?? '',
    })),
    openTasks: arr(o.openTasks).map((t) => ({ taskId: str(obj(t).taskId) ?? '', type: str(obj(t).type) ?? '' })),
    asOf: str(o.asOf),
    etag: etag ?? `"${row.version}"`,
  };
}

export function toHistory(body: unknown): HistoryEvent[] {
  return arr(Array.isArray(body) ? body : first(obj(body), 'items', 'events')).map((entry) => {
    const e = obj(entry);
    return {
      eventId: str(e.eventId) ?? '',
      type: str(e.type) ?? '?',
      version: num(e.version),
      occurredAt: str(e.occurredAt),
      recordedAt: str(e.recordedAt),
      actor: str(e.actor),
      data: obj(e.data),
    };
  });
}

function toRef(raw: unknown): RecordRef | null {
  const o = obj(raw);
  const goldenId = str(o.goldenId);
  return goldenId ? { goldenId, warehouseNo: str(o.warehouseNo), name: str(o.name) } : null;
}

export function toTasks(body: unknown): StewardshipTask[] {
  return arr(obj(body).items).map((entry) => {
    const t = obj(entry);
    return {
      taskId: str(t.taskId) ?? '',
      type: str(t.type) ?? '',
      status: str(t.status) ?? 'open',
      title: str(t.title) ?? '',
      record: toRef(t.record) ?? { goldenId: '', warehouseNo: null, name: null },
      otherRecord: toRef(t.otherRecord),
      details: obj(t.details),
      openedAt: str(t.openedAt),
      resolvedAt: str(t.resolvedAt),
      resolution: str(t.resolution),
      resolvedBy: str(t.resolvedBy),
    };
  });
}

/** `GET /jobs/{id}` (JobView): `{id, kind, status, progress: {done, total}, result, error: {code, message}}`. */
export function toJob(body: unknown, kind: string): Job {
  const o = obj(body);
  const progress = obj(o.progress);
  const error = obj(o.error);
  const id = str(o.id) ?? '';
  return {
    id,
    kind: str(o.kind) ?? kind,
    status: str(o.status) ?? 'running',
    done: num(progress.done),
    total: num(progress.total),
    startedAt: str(o.startedAt),
    finishedAt: str(o.finishedAt),
    summary: o.result === null || o.result === undefined ? null : typeof o.result === 'object' ? obj(o.result) : { result: o.result },
    error: o.error ? [str(error.code), str(error.message) ?? str(o.error)].filter(Boolean).join(': ') : null,
    poll: id ? `/jobs/${encodeURIComponent(id)}` : null,
  };
}

const RUN_COUNTS = ['pages', 'seen', 'created', 'changed', 'unchanged', 'missing', 'failed'];

/**
 * `POST /sync/wdt` answers `{runId, status, run}` and the run is read at `run`
 * (`GET /sync/wdt/runs/{id}`: SyncRunSummary with its counts), not at /jobs.
 */
export function toSyncRunJob(body: unknown): Job {
  const o = obj(body);
  const id = str(o.runId) ?? str(o.id) ?? '';
  const run = str(o.run);
  const pages = num(o.pages);
  const hasCounts = pages !== null;
  return {
    id,
    kind: 'sync-wdt',
    status: str(o.status) ?? 'running',
    done: pages,
    total: null,
    startedAt: str(o.startedAt),
    finishedAt: str(o.finishedAt),
    summary: hasCounts ? Object.fromEntries(RUN_COUNTS.map((name) => [name, o[name]])) : null,
    error: [str(o.errorCode), str(o.error)].filter(Boolean).join(': ') || null,
    poll: run ? run.replace(/^\/api\/v1/, '') : id ? `/sync/wdt/runs/${encodeURIComponent(id)}` : null,
  };
}
