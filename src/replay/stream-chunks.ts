import { EventStore } from '../event-store/event-store';
import { Checkpoint, SqlExecutor, StoredEvent } from '../event-store/stored-event';

/**
 * The newest event `EventStore.readAllAfter` would return right now (same visibility rule: only
 * transactions older than every running one), or null when there is none. Everything at or before
 * it in commit order is final: any transaction that could still add an event there has ended.
 */
export async function readableHead(db: SqlExecutor): Promise<Checkpoint | null> {
  const [row] = await db.query(
    `SELECT transaction_id::text AS tx, global_position::text AS pos FROM events
      WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return row ? { transactionId: row.tx, globalPosition: row.pos } : null;
}

/** Whether `event` is at or before `checkpoint` in commit order (transaction id, then position). */
export function atOrBefore(event: Checkpoint, checkpoint: Checkpoint): boolean {
  const tx = BigInt(event.transactionId);
  const limit = BigInt(checkpoint.transactionId);
  return tx < limit || (tx === limit && BigInt(event.globalPosition) <= BigInt(checkpoint.globalPosition));
}

export interface StreamChunk {
  /** Whole streams, each with its events at or before the snapshot (streams with none left out). */
  readonly streams: Map<string, StoredEvent[]>;
  readonly events: number;
  /** The last stream id this chunk covered: the next chunk starts after it. */
  readonly lastStreamId: string;
}

/**
 * The next streams after `afterStreamId` in stream-id order, whole: the ids of the next `limit`
 * events in (stream_id, stream_version) order (the unique index serves it), then every event of
 * those streams. So a chunk holds about `limit` events plus the rest of its last stream, and no
 * stream is ever split across chunks. Null when no stream is left.
 */
export async function nextStreamChunk(
  tx: SqlExecutor,
  store: EventStore,
  afterStreamId: string,
  upTo: Checkpoint,
  limit: number,
): Promise<StreamChunk | null> {
  const rows: { stream_id: string }[] = await tx.query(
    `SELECT stream_id FROM events WHERE stream_id > $1 ORDER BY stream_id, stream_version LIMIT $2`,
    [afterStreamId, limit],
  );
  const last = rows.at(-1);
  if (!last) return null;
  const loaded = await store.readStreams(
    rows.map((r) => r.stream_id),
    { tx },
  );
  const streams = new Map<string, StoredEvent[]>();
  let events = 0;
  for (const [id, all] of loaded) {
    // Later events of these streams belong to the commit-order tail that follows the snapshot.
    const kept = all.filter((e) => atOrBefore(e, upTo));
    if (kept.length > 0) streams.set(id, kept);
    events += kept.length;
  }
  return { streams, events, lastStreamId: last.stream_id };
}
