import { EventMetadata, SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { UpcasterRegistry } from '../../event-store/upcasters';
import { WarehouseEvent, goldenIdOfStream, isWarehouseEvent, streamIdOf } from '../domain/events';
import { evolve } from '../domain/evolve';
import { WarehouseState, initialState } from '../domain/state';

/** A golden record's stream, folded: its state, its version (0 = no stream yet) and its events. */
export interface LoadedStream {
  readonly goldenId: string;
  readonly state: WarehouseState;
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

export interface LoadOptions {
  readonly tx?: SqlExecutor;
  /** Only events recorded at or before this instant (`?asOf=`). */
  readonly asOf?: Date;
  /** Per stream, only events up to this version (projections folding a batch). */
  readonly upTo?: ReadonlyMap<string, number>;
}

/**
 * Loads many golden-record streams in one query (`stream_id = ANY(…)`): the batch paths (1,000
 * observations, a page of sync results) must not pay one round trip per warehouse.
 */
export class WarehouseStreams {
  constructor(
    private readonly db: SqlExecutor,
    private readonly upcasters = new UpcasterRegistry(),
  ) {}

  async load(goldenIds: readonly string[], options: LoadOptions = {}): Promise<Map<string, LoadedStream>> {
    const ids = [...new Set(goldenIds)];
    const result = new Map(ids.map((id) => [id, { goldenId: id, state: initialState(), version: 0, events: [] as StoredEvent[] }]));
    if (ids.length === 0) return result as Map<string, LoadedStream>;
    const rows: EventRow[] = await (options.tx ?? this.db).query(
      `SELECT e.global_position::text AS global_position, e.transaction_id::text AS transaction_id, e.event_id, e.stream_id,
              e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.occurred_at, e.recorded_at
         FROM events e JOIN unnest($1::text[], $2::int[]) AS s(stream_id, up_to) ON e.stream_id = s.stream_id
        WHERE e.stream_version <= s.up_to AND ($3::timestamptz IS NULL OR e.recorded_at <= $3)
        ORDER BY e.stream_id, e.stream_version`,
      [ids.map(streamIdOf), ids.map((id) => options.upTo?.get(id) ?? 2_147_483_647), options.asOf?.toISOString() ?? null],
    );
    for (const row of rows) {
      const event = this.toStored(row);
      const loaded = result.get(goldenIdOfStream(event.streamId)!)!;
      const domainEvent = toDomainEvent(event);
      if (isWarehouseEvent(domainEvent)) loaded.state = evolve(loaded.state, domainEvent);
      loaded.version = event.streamVersion;
      loaded.events.push(event);
    }
    return result as Map<string, LoadedStream>;
  }

  async loadOne(goldenId: string, options: LoadOptions = {}): Promise<LoadedStream> {
    return (await this.load([goldenId], options)).get(goldenId)!;
  }

  private toStored(row: EventRow): StoredEvent {
    const { data, schemaVersion } = this.upcasters.upcast(row.type, row.schema_version, row.data);
    return {
      globalPosition: row.global_position, transactionId: row.transaction_id, eventId: row.event_id, streamId: row.stream_id,
      streamVersion: row.stream_version, type: row.type, schemaVersion, data, metadata: row.metadata,
      occurredAt: new Date(row.occurred_at), recordedAt: new Date(row.recorded_at),
    };
  }
}

/** A stored event as the domain sees it. */
export const toDomainEvent = (event: StoredEvent): WarehouseEvent => ({ type: event.type, data: event.data }) as WarehouseEvent;

interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  occurred_at: string | Date;
  recorded_at: string | Date;
}
