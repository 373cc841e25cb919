import { EventStore } from '../event-store/event-store';
import { Projection } from '../event-store/processor';
import { SqlExecutor, StoredEvent } from '../event-store/stored-event';
import { LogMessage, MessageLog } from '../log/message-log.port';
import { cloudEventHeaders, GOLDEN_EVENT_SOURCE, GOLDEN_EVENT_TYPE } from './cloud-events';
import { GOLDEN_SCHEMA_ID, GoldenRecordChangedV1 } from './golden-record-changed.v1';
import { GoldenRecordFold } from './golden-record-fold';

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
  ) {}

  get outsideTransaction(): boolean {
    return this.log.kind === 'kafka';
  }

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    const golden = events.filter((e) => this.fold.isGoldenStream(e.streamId));
    if (golden.length === 0) return;
    const streams = await this.store.readStreams(
      golden.map((e) => e.streamId),
      { tx },
    );
    const messages = golden.flatMap((event) => {
      const history = streams.get(event.streamId)!.filter((e) => e.streamVersion <= event.streamVersion);
      const message = goldenMessageFor(event, history, this.fold);
      return message ? logMessagesFor(message) : [];
    });
    await this.log.publish(this.topic, messages, tx);
  }
}

/** The message for `event`, given its stream up to and including it; null if nothing published changed. */
export function goldenMessageFor(
  event: StoredEvent,
  history: readonly StoredEvent[],
  fold: GoldenRecordFold,
): GoldenRecordChangedV1 | null {
  const before = history.slice(0, -1).reduce((state, e) => fold.evolve(state, e), fold.initialState());
  const after = fold.evolve(before, event);
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
