import { arr, bool, first, Json, num, obj, str } from './read';
import {
  FieldValue, GOLDEN_FIELDS, GoldenRecord, HistoryEvent, Job, Lineage, Override, SourceKey, StewardshipTask, SyncInfo,
  SyncState, WarehouseDetail, WarehousePage, WarehouseRow, XrefEntry,
} from './types';

const SYNC_STATES: readonly string[] = ['pending', 'synced', 'failed'];

export function toPage(body: unknown, page: number, pageSize: number): WarehousePage {
  const o = obj(body);
  const items = arr(Array.isArray(body) ? body : first(o, 'items', 'data', 'results', 'warehouses')).map(toRow);
  return {
    items,
    total: num(first(o, 'total', 'totalCount', 'count')) ?? items.length,
    page: num(o.page) ?? page,
    pageSize: num(o.pageSize) ?? pageSize,
  };
}

export function toRow(body: unknown): WarehouseRow {
  const o = obj(body);
  const fieldsSource = obj(first(o, 'record', 'fields', 'golden')) ;
  const fields = Object.keys(fieldsSource).length > 0 ? fieldsSource : o;
  const overrides = first(o, 'overrides', 'overriddenFields');
  return {
    goldenId: str(first(o, 'goldenId', 'id')) ?? '',
    version: num(o.version) ?? 0,
    record: toRecord(fields),
    sync: toSync(first(o, 'sync', 'kingdee', 'syncStatus', 'kingdeeSync'), o),
    overriddenFields: Array.isArray(overrides) ? overrides.map((f) => str(typeof f === 'object' ? obj(f).field : f) ?? '') : Object.keys(obj(overrides)),
    missingInWdt: bool(first(o, 'missingInWdt', 'missing')),
    updatedAt: str(first(o, 'updatedAt', 'lastChangedAt')),
  };
}

function fieldValue(raw: unknown): FieldValue {
  // The detail may send `{value, source, rule}` per field; the list sends bare values.
  const value = typeof raw === 'object' && raw !== null && 'value' in raw ? (raw as { value: unknown }).value : raw;
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
  const record: Record<string, FieldValue> = {};
  for (const field of GOLDEN_FIELDS) record[field] = fieldValue(o[field]);
  return {
    ...(record as { [F in (typeof GOLDEN_FIELDS)[number]]: FieldValue }),
    typeLabel: str(fieldValue(o.typeLabel)),
    mergedInto: str(fieldValue(o.mergedInto)),
  };
}

function toSync(raw: unknown, row: Json): SyncInfo {
  const o = typeof raw === 'string' ? { status: raw } : obj(raw);
  const status = str(first(o, 'status', 'state')) ?? str(row.syncStatus);
  return {
    status: status && SYNC_STATES.includes(status) ? (status as SyncState) : null,
    syncedVersion: num(first(o, 'syncedVersion')),
    publishedVersion: num(first(o, 'publishedVersion')) ?? num(row.publishedVersion),
    fStockId: str(first(o, 'fStockId', 'FStockId', 'stockId')),
    fNumber: str(first(o, 'fNumber', 'FNumber', 'number')),
    lastErrorCode: str(first(o, 'lastErrorCode', 'errorCode', 'code')) ?? str(obj(o.lastError).code),
    lastErrorMessage: str(first(o, 'lastErrorMessage', 'errorMessage', 'message')) ?? str(obj(o.lastError).message),
    lastAttemptAt: str(first(o, 'lastAttemptAt', 'attemptedAt', 'at')),
  };
}

export function toSource(raw: unknown): SourceKey | null {
  const o = obj(raw);
  const system = str(o.system);
  return system ? { system, key: str(first(o, 'key', 'sourceKey')) ?? '' } : null;
}

function toLineage(raw: unknown): Lineage {
  const o = obj(raw);
  return {
    source: toSource(o.source) ?? toSource({ system: first(o, 'sourceSystem'), key: first(o, 'sourceKey') }),
    rule: str(o.rule),
    at: str(first(o, 'at', 'changedAt', 'occurredAt')),
    eventType: str(o.eventType),
  };
}

function toOverride(raw: unknown): Override {
  const o = obj(raw);
  return { value: fieldValue(o.value), reason: str(o.reason), actor: str(o.actor), at: str(first(o, 'at', 'overriddenAt')) };
}

function toXref(raw: unknown): XrefEntry[] {
  if (Array.isArray(raw)) {
    return raw.map((entry) => {
      const o = obj(entry);
      return {
        system: str(o.system) ?? '',
        sourceKey: str(first(o, 'sourceKey', 'key', 'warehouseNo')) ?? '',
        externalId: str(first(o, 'externalId', 'warehouseId')),
        active: o.active === undefined ? true : bool(o.active),
      };
    });
  }
  // `{wdt: [{warehouseNo, warehouseId}], kingdee: {...}}` style.
  const o = obj(raw);
  return arr(o.wdt).map((entry) => {
    const w = obj(entry);
    return {
      system: str(w.system) ?? 'wdt',
      sourceKey: str(first(w, 'warehouseNo', 'warehouse_no', 'key', 'sourceKey')) ?? '',
      externalId: str(first(w, 'warehouseId', 'warehouse_id', 'externalId')),
      active: w.active === undefined ? true : bool(w.active),
    };
  });
}

function mapOf<T>(raw: unknown, read: (value: unknown) => T): Partial<Record<string, T>> {
  if (Array.isArray(raw)) {
    return Object.fromEntries(raw.map((entry) => [str(obj(entry).field) ?? '', read(entry)]));
  }
  return Object.fromEntries(Object.entries(obj(raw)).map(([field, value]) => [field, read(value)]));
}

/** Lineage may come as its own map or inside each `{value, source, rule}` field entry. */
function lineageOf(o: Json): Partial<Record<string, Lineage>> {
  if (o.lineage !== undefined) return mapOf(o.lineage, toLineage);
  const fields = obj(first(o, 'fields', 'record'));
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => typeof value === 'object' && value !== null && 'source' in value)
      .map(([field, value]) => [field, toLineage(value)]),
  );
}

export function toDetail(body: unknown, etag: string | null): WarehouseDetail {
  const o = obj(body);
  const row = toRow(body);
  const kingdee = obj(first(o, 'sync', 'kingdee', 'syncStatus', 'kingdeeSync'));
  const xref = toXref(first(o, 'xref', 'crossReference', 'sources'));
  return {
    ...row,
    lineage: lineageOf(o),
    overrides: Array.isArray(o.overrides) || typeof o.overrides === 'object' ? mapOf(o.overrides, toOverride) : {},
    xref,
    sync: { ...row.sync, fStockId: row.sync.fStockId ?? str(obj(o.xref).fStockId), fNumber: row.sync.fNumber ?? str(kingdee.fNumber) },
    asOf: str(o.asOf),
    etag: etag ?? `"${row.version}"`,
  };
}

export function toHistory(body: unknown): HistoryEvent[] {
  const o = obj(body);
  return arr(Array.isArray(body) ? body : first(o, 'events', 'items', 'history')).map((entry) => {
    const e = obj(entry);
    const metadata = obj(e.metadata);
    return {
      eventId: str(first(e, 'eventId', 'id')) ?? '',
      type: str(e.type) ?? '?',
      version: num(first(e, 'version', 'streamVersion')),
      position: str(first(e, 'position', 'globalPosition')),
      occurredAt: str(first(e, 'occurredAt', 'at', 'time')) ?? str(metadata.time) ?? str(metadata.occurredAt),
      actor: str(e.actor) ?? str(metadata.actor),
      data: obj(e.data),
    };
  });
}

export function toTasks(body: unknown): StewardshipTask[] {
  const o = obj(body);
  return arr(Array.isArray(body) ? body : first(o, 'items', 'tasks', 'data')).map((entry) => {
    const t = obj(entry);
    return {
      taskId: str(first(t, 'taskId', 'id')) ?? '',
      type: str(t.type) ?? '',
      status: str(t.status) ?? 'open',
      goldenId: str(t.goldenId) ?? '',
      otherGoldenId: str(t.otherGoldenId),
      title: str(t.title) ?? '',
      details: obj(t.details),
      openedAt: str(first(t, 'openedAt', 'createdAt')),
      resolvedAt: str(t.resolvedAt),
      resolution: str(t.resolution),
      resolvedBy: str(t.resolvedBy),
    };
  });
}

const JOB_DONE = ['succeeded', 'completed', 'finished', 'done', 'success'];
const JOB_FAILED = ['failed', 'error'];

export function toJob(body: unknown, kind: string): Job {
  const o = obj(obj(body).job ?? body);
  const progress = obj(o.progress);
  const rawStatus = str(first(o, 'status', 'state'));
  const status = rawStatus === null ? 'succeeded' : JOB_DONE.includes(rawStatus) ? 'succeeded' : JOB_FAILED.includes(rawStatus) ? 'failed' : rawStatus;
  const summary = first(o, 'summary', 'result');
  return {
    id: str(first(o, 'id', 'jobId')) ?? '',
    kind: str(first(o, 'kind', 'type')) ?? kind,
    status,
    done: num(first(progress, 'done', 'processed', 'current')) ?? num(o.done),
    total: num(first(progress, 'total')) ?? num(o.total),
    message: str(first(progress, 'message', 'phase')) ?? str(o.message),
    startedAt: str(first(o, 'startedAt', 'createdAt')),
    finishedAt: str(first(o, 'finishedAt', 'completedAt')),
    summary: summary === undefined || summary === null ? (rawStatus === null ? obj(body) : null) : obj(summary),
    error: str(o.error) ?? str(obj(o.error).message),
  };
}
