import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { loadCheckpoint, saveCheckpoint } from '../event-store/processor';
import { Checkpoint, SqlExecutor } from '../event-store/stored-event';
import { ShadowProjection } from './shadow-projection';
import { nextStreamChunk, readableHead } from './stream-chunks';

/**
 * Progress of a per-stream rebuild: the pinned snapshot and the last stream written. It lives in
 * the shadow schema, written in each chunk's transaction, so it dies with the shadow it describes:
 * a fresh shadow never inherits an old snapshot, and a crash resumes after the last committed chunk.
 */
const PROGRESS = 'per_stream_progress';

interface Progress {
  readonly snapshot: Checkpoint;
  readonly afterStreamId: string;
}

export interface PerStreamOptions {
  /** About how many events one chunk (one transaction) holds. */
  readonly chunkEvents: number;
  readonly signal?: AbortSignal;
  readonly onChunk?: (eventsSoFar: number) => Promise<void> | void;
}

/**
 * The bulk start of a rebuild from position 0 for projections that declare PerStreamRebuild: reads
 * every event at or before a pinned commit-order position P once, stream by stream, has the
 * projection write each whole stream, then sets the shadow checkpoint to P so the ordinary
 * commit-order path applies what committed after P. Returns how many events it applied.
 */
export async function runPerStreamPhase(
  db: DataSource,
  store: EventStore,
  shadow: ShadowProjection,
  options: PerStreamOptions,
): Promise<number> {
  const rebuild = shadow.rebuild;
  // Once the shadow checkpoint has moved, its rows were built in commit order: carry on that way.
  if (!rebuild || (await loadCheckpoint(db, shadow.name)).globalPosition !== '0') return 0;
  let progress = (await loadProgress(db, shadow.schema)) ?? (await start(db, shadow.schema));
  let events = 0;
  while (progress) {
    stopIfAborted(options.signal, shadow.target.name);
    const { snapshot, afterStreamId } = progress;
    progress = await db.transaction(async (tx) => {
      const chunk = await nextStreamChunk(tx, store, afterStreamId, snapshot, options.chunkEvents);
      if (!chunk) return finish(tx, shadow, snapshot);
      if (chunk.streams.size > 0) await rebuild.applyStreams(chunk.streams, tx);
      await tx.query(`UPDATE ${shadow.schema}.${PROGRESS} SET after_stream = $1`, [chunk.lastStreamId]);
      events += chunk.events;
      return { snapshot, afterStreamId: chunk.lastStreamId };
    });
    if (progress) await options.onChunk?.(events);
  }
  return events;
}

/** An operator's cancel between two committed chunks or batches: the next run resumes there. */
export function stopIfAborted(signal: AbortSignal | undefined, projection: string): void {
  if (signal?.aborted)
    throw Object.assign(new Error(`replay of ${projection} stopped; run it again to resume`), { code: 'replay_cancelled' });
}

/** Pins P and records it, or null when the store holds nothing readable yet. */
async function start(db: DataSource, schema: string): Promise<Progress | null> {
  return db.transaction(async (tx) => {
    const snapshot = await readableHead(tx);
    // Nothing readable yet: the shadow checkpoint stays at 0 and the commit-order path takes it all.
    if (!snapshot) return null;
    await tx.query(
      `CREATE TABLE ${schema}.${PROGRESS} (snapshot_tx xid8 NOT NULL, snapshot_position bigint NOT NULL, after_stream text NOT NULL)`,
    );
    await tx.query(`INSERT INTO ${schema}.${PROGRESS} VALUES ($1::text::xid8, $2, '')`, [snapshot.transactionId, snapshot.globalPosition]);
    return { snapshot, afterStreamId: '' };
  });
}

async function loadProgress(db: SqlExecutor, schema: string): Promise<Progress | null> {
  const [found] = await db.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`${schema}.${PROGRESS}`]);
  if (!found.exists) return null;
  const [row] = await db.query(`SELECT snapshot_tx::text AS tx, snapshot_position::text AS pos, after_stream FROM ${schema}.${PROGRESS}`);
  return { snapshot: { transactionId: row.tx, globalPosition: row.pos }, afterStreamId: row.after_stream };
}

/** Hands over to the commit-order path at P, in one transaction with the end of the progress. */
async function finish(tx: SqlExecutor, shadow: ShadowProjection, snapshot: Checkpoint): Promise<null> {
  await saveCheckpoint(tx, shadow.name, snapshot);
  await tx.query(`DROP TABLE ${shadow.schema}.${PROGRESS}`);
  return null;
}
