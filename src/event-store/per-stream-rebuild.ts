import { SqlExecutor, StoredEvent } from './stored-event';

/**
 * An optional promise a projection makes so that a rebuild from position 0 can read each event
 * once: the rows it keeps for a stream depend only on that stream's own events, in version order,
 * never on other streams nor on how streams interleave in commit order.
 *
 * Why it is needed: `apply` gets events in commit order, so a projection that folds whole streams
 * must re-read, batch after batch, every stream a batch touches (a stream of k events costs ~k²/2
 * reads, and a batch holds many whole streams in memory). Given this promise, the replayer instead
 * reads the log in (stream_id, stream_version) order up to a pinned commit-order position, hands the
 * projection whole streams, and continues with `apply` for whatever committed after that position.
 *
 * A projection whose rows mix streams (a task opened by one stream and closed by another) must not
 * declare it: it keeps the commit-order path.
 */
export interface PerStreamRebuild {
  readonly perStream: true;
  /**
   * Writes the rows of these whole streams (key: stream id; each list in version order, complete up
   * to the pinned position; every stream in the log, so skip the ones that are not yours) into the
   * projection's still-empty tables. The rows must be exactly those `apply` would have left after
   * the same events, so the commit-order tail can continue from there.
   */
  applyStreams(streams: ReadonlyMap<string, readonly StoredEvent[]>, tx: SqlExecutor): Promise<void>;
}
