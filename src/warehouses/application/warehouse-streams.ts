import { EventStore } from '../../event-store/event-store';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { WarehouseEvent, isWarehouseEvent, streamIdOf } from '../domain/events';
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
  /** The app's store, so its upcasters apply to every fold (`tx` joins an open transaction). */
  constructor(private readonly store: EventStore) {}

  async load(goldenIds: readonly string[], options: LoadOptions = {}): Promise<Map<string, LoadedStream>> {
    const ids = [...new Set(goldenIds)];
    const upTo = options.upTo && new Map([...options.upTo].map(([id, version]) => [streamIdOf(id), version]));
    const streams = await this.store.readStreams(ids.map(streamIdOf), { tx: options.tx, asOf: options.asOf, upTo });
    return new Map(ids.map((id) => [id, fold(id, streams.get(streamIdOf(id)) ?? [])]));
  }

  async loadOne(goldenId: string, options: LoadOptions = {}): Promise<LoadedStream> {
    return (await this.load([goldenId], options)).get(goldenId)!;
  }
}

function fold(goldenId: string, events: readonly StoredEvent[]): LoadedStream {
  let state = initialState();
  for (const event of events) {
    const domainEvent = toDomainEvent(event);
    if (isWarehouseEvent(domainEvent)) state = evolve(state, domainEvent);
  }
  return { goldenId, state, version: events.at(-1)?.streamVersion ?? 0, events };
}

/** A stored event as the domain sees it. */
export const toDomainEvent = (event: StoredEvent): WarehouseEvent => ({ type: event.type, data: event.data }) as WarehouseEvent;
