import { EventStore } from '../event-store/event-store';
import { Projection, WithCheckpoint } from '../event-store/processor';
import { SqlExecutor, StoredEvent } from '../event-store/stored-event';
import { LogMessage, MessageLog } from '../log/message-log.port';
import { cloudEventHeaders, GOLDEN_EVENT_SOURCE, GOLDEN_EVENT_TYPE } from './cloud-events';
import { GOLDEN_SCHEMA_ID, GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { GoldenRecordFold } from './golden-record-fold';
import { KeptState, PublisherStates } from './publisher-state';

export const PUBLISHER_NAME = 'publisher.golden.v1';

/**
 * Publishes every golden-record change to the golden topic, in commit order. Runs as a
 * checkpointed processor: the checkpoint moves only after the log acknowledged, so a crash means
 * republishing (consumers dedupe by goldenId + version), never losing. Read-model rebuilds reset
 * other checkpoints, never this one, so a replay never republishes.
 *
 * To Kafka it publishes outside any transaction (`outsideTransaction`): kafkajs may retry for tens
 * of seconds while a broker is down, and a transaction holding an xid that long would hold back every
 * event reader on the PostgreSQL server. The embedded log is a table: its publish joins the
 * checkpoint's transaction, exactly once and with no external wait.
 */
export class GoldenRecordPublisher implements Projection {
  readonly name = PUBLISHER_NAME;

  constructor(
    private readonly store: EventStore,
    private readonly log: MessageLog,
    private readonly fold: GoldenRecordFold,
    private readonly topic: string,
    private readonly states = new PublisherStates(),
  ) {}

  get outsideTransaction(): boolean {
    return this.log.kind === 'kafka';
  }

  /**
   * Folds each event once onto the publisher's kept state of its stream (see PublisherStates), so a
   * batch costs the same per event whatever the streams' lengths. What the kept state lacks before
   * the batch (a stream not kept, an event an admin skipped, a rewound checkpoint) is read from the
   * store in one query. Each message is made from the states before and after its event. The states
   * due to be saved go with the checkpoint (the returned write).
   */
  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<WithCheckpoint | void> {
    const golden = events.filter((e) => this.fold.isGoldenStream(e.streamId));
    if (golden.length === 0) return;
    const batch = new Map<string, StoredEvent[]>();
    for (const e of golden) {
      const list = batch.get(e.streamId) ?? [];
      list.push(e);
      batch.set(e.streamId, list);
    }
    const starts = await this.states.before(tx, new Map([...batch].map(([id, list]) => [id, list[0]!.streamVersion])));
    const missing = new Map<string, { after: number; upTo: number }>();
    for (const [streamId, list] of batch) {
      const after = starts.get(streamId)?.version ?? 0;
      if (!isContiguous(after, list)) missing.set(streamId, { after, upTo: list.at(-1)!.streamVersion });
    }
    const filled = await this.readMissing(missing, tx);
    const messages = new Map<string, GoldenRecordChangedV1 | null>();
    const reached = new Map<string, KeptState & { saved: number }>();
    for (const [streamId, list] of batch) {
      const start = starts.get(streamId);
      const inBatch = new Set(list.map((e) => e.eventId));
      let state = start?.state ?? this.fold.initialState();
      for (const event of filled.get(streamId) ?? list) {
        const after = this.fold.evolve(state, event);
        if (inBatch.has(event.eventId)) messages.set(event.eventId, goldenMessage(event, state, after, this.fold));
        state = after;
      }
      reached.set(streamId, { version: list.at(-1)!.streamVersion, state, saved: start?.saved ?? 0 });
    }
    const published = golden.flatMap((e) => {
      const message = messages.get(e.eventId);
      return message ? logMessagesFor(message) : [];
    });
    await this.log.publish(this.topic, published, tx);
    return this.states.reached(reached);
  }

  private async readMissing(missing: ReadonlyMap<string, { after: number; upTo: number }>, tx: SqlExecutor) {
    if (missing.size === 0) return new Map<string, StoredEvent[]>();
    return this.store.readStreams([...missing.keys()], {
      tx,
      after: new Map([...missing].map(([id, m]) => [id, m.after])),
      upTo: new Map([...missing].map(([id, m]) => [id, m.upTo])),
    });
  }
}

/** Whether `events` follow `version` with no version left out. */
const isContiguous = (version: number, events: readonly StoredEvent[]): boolean =>
  events.every((e, i) => e.streamVersion === version + i + 1);

/**
 * The message for `event`, given the stream's state before and after it; null if nothing published
 * changed.
 */
export function goldenMessage(event: StoredEvent, before: unknown, after: unknown, fold: GoldenRecordFold): GoldenRecordChangedV1 | null {
  const change = fold.goldenChangeOf(event, before, after);
  if (!change) return null;
  const wdt = fold.wdtSource(after);
  return {
    schema: GOLDEN_SCHEMA_ID,
    eventId: event.eventId,
    goldenId: fold.goldenId(after),
    version: event.streamVersion,
    position: event.globalPosition,
    occurredAt: event.occurredAt.toISOString(),
    change: change.change,
    changedFields: change.changedFields,
    record: fold.publishedRecord(after),
    sources: wdt ? { wdt } : {},
    correlationId: event.metadata.correlationId,
  };
}

/**
 * What goes on the topic for one message: the message itself, and after a retirement (retired or
 * merged away) a tombstone for its key, so the compacted topic forgets the record once every consumer
 * had time to read its final state. A steward's restore later publishes a higher version under the
 * same key, which compaction keeps over the tombstone.
 */
export function logMessagesFor(message: GoldenRecordChangedV1): LogMessage[] {
  return message.change === 'retired' ? [toLogMessage(message), tombstoneFor(message)] : [toLogMessage(message)];
}

/** The message for `event`, given its stream up to and including it (the whole history folded: for tests and tools). */
export function goldenMessageFor(
  event: StoredEvent,
  history: readonly StoredEvent[],
  fold: GoldenRecordFold,
): GoldenRecordChangedV1 | null {
  const before = history.slice(0, -1).reduce((state, e) => fold.evolve(state, e), fold.initialState());
  return goldenMessage(event, before, fold.evolve(before, event), fold);
}

export function toLogMessage(message: GoldenRecordChangedV1): LogMessage {
  return {
    key: message.goldenId,
    value: JSON.stringify(message),
    headers: {
      ...cloudEventHeaders({
        id: message.eventId,
        source: GOLDEN_EVENT_SOURCE,
        type: GOLDEN_EVENT_TYPE,
        subject: message.goldenId,
        time: message.occurredAt,
      }),
      schema: message.schema,
      'event-id': message.eventId,
      version: String(message.version),
      ...(message.correlationId ? { 'correlation-id': message.correlationId } : {}),
    },
  };
}

/**
 * A null value for the retired record's key. Not a CloudEvent (there is no event data): it only tells
 * compaction to drop the key. `event-id`/`version` name the retirement it follows.
 */
export function tombstoneFor(message: GoldenRecordChangedV1): LogMessage {
  return {
    key: message.goldenId,
    value: null,
    headers: { tombstone: 'true', 'event-id': message.eventId, version: String(message.version) },
  };
}
