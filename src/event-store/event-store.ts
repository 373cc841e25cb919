import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { noteAppended } from './appended-positions';
import { Checkpoint, EventMetadata, ExpectedVersion, NewEvent, SqlExecutor, StoredEvent } from './stored-event';
import { UpcasterRegistry } from './upcasters';

/** One stream another writer moved: `actual` -1 when only the insert's unique key told us. */
export interface StreamConflict {
  readonly streamId: string;
  readonly expected: number;
  readonly actual: number;
}

/** The writer's expected versions were stale: `conflicts` names every stream that moved, so a retry re-reads only those. */
export class ConcurrencyError extends DomainError {
  constructor(readonly conflicts: readonly StreamConflict[]) {
    super(
      ErrorCode.concurrency,
      conflicts
        .slice(0, 5)
        .map((c) => `stream ${c.streamId} is at version ${c.actual >= 0 ? c.actual : '(newer)'}, the writer expected ${c.expected}`)
        .join('; ') + (conflicts.length > 5 ? ` (and ${conflicts.length - 5} more)` : ''),
    );
    this.name = 'ConcurrencyError';
  }

  get streamIds(): string[] {
    return this.conflicts.map((c) => c.streamId);
  }
}

/** The channel every append notifies inside its transaction (PostgreSQL delivers it on commit, to every listener). */
export const APPENDED_CHANNEL = 'mdm_events_appended';

export interface StreamAppend {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
  readonly metadata: EventMetadata;
}

export interface ReadStreamsOptions {
  readonly tx?: SqlExecutor;
  readonly asOf?: Date;
  readonly upTo?: ReadonlyMap<string, number>;
  /** Only the events after this version per stream (absent = from version 1): the tail a snapshot lacks. */
  readonly after?: ReadonlyMap<string, number>;
}

export interface AppendResult {
  readonly streamId: string;
  readonly nextExpectedVersion: number;
  readonly globalPositions: readonly string[];
}

// Rows come back already shaped as StoredEvent (camelCase aliases) so reading builds one object per
// event, not two; times as epoch milliseconds, which parse much faster than pg's timestamptz text.
const COLUMNS = `global_position AS "globalPosition", transaction_id::text AS "transactionId", event_id AS "eventId",
  stream_id AS "streamId", stream_version AS "streamVersion", type, schema_version AS "schemaVersion", data, metadata,
  date_part('epoch', occurred_at) * 1000 AS "occurredAt", date_part('epoch', recorded_at) * 1000 AS "recordedAt"`;
const UNIQUE_VIOLATION = '23505';

/**
 * Append-only event store on PostgreSQL. Every method takes an optional executor so callers can
 * join an open transaction (a processor's read-model writes and checkpoint commit together).
 */
export class EventStore {
  /**
   * Emits `appended` when events were committed: fed by the LISTEN connection (append-listener.ts),
   * which hears every instance's appends; processors also poll, so a lost wake-up only delays them.
   */
  readonly notifications = new EventEmitter();

  constructor(
    private readonly db: SqlExecutor,
    private readonly upcasters = new UpcasterRegistry(),
  ) {}

  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    metadata: EventMetadata,
    tx?: SqlExecutor,
  ): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, expectedVersion, events, metadata }], tx);
    return result!;
  }

  /** Appends to several streams atomically with one multi-row INSERT (the ingestion hot path). */
  async appendMany(appends: readonly StreamAppend[], tx?: SqlExecutor): Promise<AppendResult[]> {
    const work = appends.filter((a) => a.events.length > 0);
    if (work.length === 0)
      return appends.map((a) => ({ streamId: a.streamId, nextExpectedVersion: numeric(a.expectedVersion), globalPositions: [] }));
    if (new Set(work.map((a) => a.streamId)).size !== work.length) throw new Error('appendMany: a stream may appear once per call');
    const db = tx ?? this.db;
    // A new stream needs no read: the unique (stream_id, stream_version) rejects version 1 if it exists.
    const existing = work.filter((a) => a.expectedVersion !== 0).map((a) => a.streamId);
    const current = existing.length > 0 ? await this.currentVersions(existing, db) : new Map<string, number>();
    const rows = {
      eventId: [] as string[],
      streamId: [] as string[],
      version: [] as number[],
      type: [] as string[],
      schema: [] as number[],
      data: [] as string[],
      metadata: [] as string[],
      occurredAt: [] as string[],
    };
    const stale = work.flatMap((a) => {
      const actual = current.get(a.streamId) ?? 0;
      return a.expectedVersion !== 'any' && a.expectedVersion !== actual
        ? [{ streamId: a.streamId, expected: a.expectedVersion, actual }]
        : [];
    });
    if (stale.length > 0) throw new ConcurrencyError(stale);
    for (const a of work) {
      const actual = current.get(a.streamId) ?? 0;
      a.events.forEach((event, i) => {
        rows.eventId.push(event.eventId ?? randomUUID());
        rows.streamId.push(a.streamId);
        rows.version.push(actual + i + 1);
        rows.type.push(event.type);
        rows.schema.push(event.schemaVersion ?? 1);
        rows.data.push(JSON.stringify(event.data));
        rows.metadata.push(JSON.stringify(a.metadata));
        rows.occurredAt.push(a.metadata.occurredAt);
      });
    }
    let inserted: { global_position: string; stream_id: string }[];
    try {
      // The NOTIFY rides in the same statement, so in the same transaction: listeners hear it on commit, never before.
      inserted = await db.query(
        `WITH inserted AS (
           INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])
           RETURNING global_position, stream_id)
         SELECT global_position, stream_id FROM inserted, (SELECT pg_notify('${APPENDED_CHANNEL}', '')) AS wake`,
        [rows.eventId, rows.streamId, rows.version, rows.type, rows.schema, rows.data, rows.metadata, rows.occurredAt],
      );
    } catch (error) {
      // Another writer appended between our version check and insert.
      if (
        (error as { code?: string }).code === UNIQUE_VIOLATION &&
        /stream_version/.test(String((error as Error).message) + String((error as { constraint?: string }).constraint))
      ) {
        // The detail names the key: "Key (stream_id, stream_version)=(wh-1, 3) already exists."
        const named = /\(stream_id, stream_version\)=\((.*), \d+\)/.exec(String((error as { detail?: string }).detail))?.[1];
        const moved = work.filter((a) => named === undefined || a.streamId === named);
        throw new ConcurrencyError(moved.map((a) => ({ streamId: a.streamId, expected: numeric(a.expectedVersion), actual: -1 })));
      }
      throw error;
    }
    noteAppended(inserted.map((r) => String(r.global_position)));
    return appends.map((a) => ({
      streamId: a.streamId,
      nextExpectedVersion: (current.get(a.streamId) ?? 0) + a.events.length,
      globalPositions: inserted.filter((r) => r.stream_id === a.streamId).map((r) => String(r.global_position)),
    }));
  }

  async readStream<T = unknown>(streamId: string, options: { asOf?: Date; tx?: SqlExecutor } = {}): Promise<StoredEvent<T>[]> {
    const params: unknown[] = [streamId];
    let filter = '';
    if (options.asOf) {
      params.push(options.asOf.toISOString());
      filter = `AND recorded_at <= $2`;
    }
    const rows = await (options.tx ?? this.db).query(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ${filter} ORDER BY stream_version`,
      params,
    );
    return rows.map((r: EventRow) => this.toStored<T>(r));
  }

  /**
   * Several streams in one query (`stream_id = ANY`), each in version order; optionally only events
   * recorded by `asOf`, or up to a version per stream (`upTo`, absent = all), or after a version
   * per stream (`after`).
   */
  async readStreams(streamIds: readonly string[], options: ReadStreamsOptions = {}): Promise<Map<string, StoredEvent[]>> {
    const ids = [...new Set(streamIds)];
    const rows: EventRow[] = await (options.tx ?? this.db).query(
      `SELECT ${COLUMNS} FROM events e JOIN unnest($1::text[], $2::int[], $4::int[]) AS s(sid, up_to, after_v)
          ON e.stream_id = s.sid
        WHERE e.stream_version <= s.up_to AND e.stream_version > s.after_v AND ($3::timestamptz IS NULL OR e.recorded_at <= $3)
        ORDER BY e.stream_id, e.stream_version`,
      [
        ids,
        ids.map((id) => options.upTo?.get(id) ?? 2_147_483_647),
        options.asOf?.toISOString() ?? null,
        ids.map((id) => options.after?.get(id) ?? 0),
      ],
    );
    const streams = new Map<string, StoredEvent[]>(ids.map((id) => [id, []]));
    for (const row of rows) streams.get(row.streamId)!.push(this.toStored(row));
    return streams;
  }

  /** Versions of the given streams (absent = 0). */
  async currentVersions(streamIds: readonly string[], tx?: SqlExecutor): Promise<Map<string, number>> {
    const rows: { stream_id: string; version: number }[] = await (tx ?? this.db).query(
      `SELECT stream_id, max(stream_version) AS version FROM events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
      [streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, Number(r.version)]));
  }

  /**
   * Events after `checkpoint` in commit order, from committed transactions only: a transaction
   * still running (or one that started before it) holds back everything after it.
   */
  async readAllAfter(checkpoint: Checkpoint, limit: number, tx?: SqlExecutor): Promise<StoredEvent[]> {
    const rows: EventRow[] = await (tx ?? this.db).query(
      `SELECT ${COLUMNS} FROM events
        WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, global_position
        LIMIT $3`,
      [checkpoint.transactionId, checkpoint.globalPosition, limit],
    );
    return rows.map((r) => this.toStored(r));
  }

  /**
   * Waits until readAllAfter can see every event committed before the call. The reader's horizon
   * is the oldest transaction still running anywhere on the PostgreSQL server (not only in this
   * database), so a long transaction elsewhere holds it back. Returns false on timeout.
   */
  async waitUntilReadable(timeoutMs = 30_000, tx?: SqlExecutor): Promise<boolean> {
    const db = tx ?? this.db;
    const [newest] = await db.query(`SELECT transaction_id::text AS t FROM events ORDER BY transaction_id DESC LIMIT 1`);
    if (!newest) return true;
    for (const deadline = Date.now() + timeoutMs; ;) {
      const [row] = await db.query(`SELECT $1::text::xid8 < pg_snapshot_xmin(pg_current_snapshot()) AS readable`, [newest.t]);
      if (row.readable) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async count(tx?: SqlExecutor): Promise<number> {
    const [row] = await (tx ?? this.db).query(`SELECT count(*)::bigint AS n FROM events`);
    return Number(row.n);
  }

  /** Turns a row (already StoredEvent-shaped, times in epoch ms) into the event, upcasting old schemas. */
  private toStored<T>(row: EventRow): StoredEvent<T> {
    const event = row as unknown as { -readonly [K in keyof StoredEvent]: StoredEvent[K] };
    event.occurredAt = new Date(row.occurredAt);
    event.recordedAt = new Date(row.recordedAt);
    if (!this.upcasters.isEmpty) {
      const upcast = this.upcasters.upcast(row.type, row.schemaVersion, row.data);
      event.data = upcast.data;
      event.schemaVersion = upcast.schemaVersion;
    }
    return event as StoredEvent<T>;
  }
}

/** A row as selected by COLUMNS: a StoredEvent whose times are still epoch milliseconds. */
type EventRow = Omit<StoredEvent, 'occurredAt' | 'recordedAt'> & { occurredAt: number; recordedAt: number };

const numeric = (v: ExpectedVersion): number => (v === 'any' ? -1 : v);
