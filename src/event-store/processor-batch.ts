import { DataSource, QueryRunner } from 'typeorm';
import { EventStore } from './event-store';
import { skippedPositions, withoutSkipped } from './processor-skips';
import { Checkpoint, SqlExecutor, START, StoredEvent } from './stored-event';
import type { Projection, WithCheckpoint } from './processor';

/** A batch failed after its events were read: names the first event it tried to apply. */
export class BatchFailure extends Error {
  constructor(
    readonly processor: string,
    readonly event: StoredEvent,
    /** The event was applied alone: it is the one the projection cannot apply. */
    readonly narrowed: boolean,
    override readonly cause: unknown,
  ) {
    super(
      `${processor} cannot apply the event at position ${event.globalPosition} (${event.type} on ${event.streamId}): ${messageOf(cause)}`,
    );
    this.name = 'BatchFailure';
  }
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function loadCheckpoint(db: SqlExecutor, name: string): Promise<Checkpoint> {
  const [row] = await db.query(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position FROM processor_checkpoints WHERE name = $1`,
    [name],
  );
  return row ? { transactionId: row.transaction_id, globalPosition: row.global_position } : START;
}

export async function saveCheckpoint(db: SqlExecutor, name: string, checkpoint: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO processor_checkpoints (name, transaction_id, global_position, updated_at)
     VALUES ($1, $2::text::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
       global_position = EXCLUDED.global_position, updated_at = now()`,
    [name, checkpoint.transactionId, checkpoint.globalPosition],
  );
}

/** Loads the checkpoint and holds its row until the transaction ends, so two runners never race. */
async function lockCheckpoint(tx: SqlExecutor, name: string): Promise<Checkpoint> {
  await tx.query(
    `INSERT INTO processor_checkpoints (name, transaction_id, global_position) VALUES ($1, '0'::xid8, 0) ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  await tx.query(`SELECT 1 FROM processor_checkpoints WHERE name = $1 FOR UPDATE`, [name]);
  return loadCheckpoint(tx, name);
}

/** Applies the next batch of up to `limit` events and moves the checkpoint; returns how many events it passed. */
export function applyBatch(dataSource: DataSource, store: EventStore, projection: Projection, limit: number): Promise<number> {
  return projection.outsideTransaction
    ? applyOutsideTransaction(dataSource, store, projection, limit)
    : dataSource.transaction((tx) =>
        applyWith(
          tx,
          store,
          projection,
          limit,
          () => lockCheckpoint(tx, projection.name),
          (save) => save(),
        ),
      );
}

/**
 * For projections that wait on something outside PostgreSQL (Kafka): no transaction with an xid is
 * open while `apply` runs, because every reader's horizon (`pg_snapshot_xmin`) is server-wide and
 * would stall behind it. Reads run in autocommit (no xid), a session advisory lock serialises
 * runners instead of a row lock, and the checkpoint is saved in its own short statement afterwards:
 * a crash in between applies the batch again (at-least-once).
 */
async function applyOutsideTransaction(dataSource: DataSource, store: EventStore, projection: Projection, limit: number): Promise<number> {
  const session = dataSource.createQueryRunner();
  const key = `mdm-hub:checkpoint:${projection.name}`;
  await session.connect();
  try {
    await session.query(`SELECT pg_advisory_lock(hashtext($1))`, [key]);
    try {
      return await applyWith(
        session,
        store,
        projection,
        limit,
        () => loadCheckpoint(session, projection.name),
        (save) => inShortTransaction(session, save),
      );
    } finally {
      await session.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]);
    }
  } finally {
    await session.release();
  }
}

/** The checkpoint and what the projection saves with it, as one transaction of their own (no external wait inside). */
async function inShortTransaction(session: QueryRunner, save: () => Promise<void>): Promise<void> {
  await session.startTransaction();
  try {
    await save();
    await session.commitTransaction();
  } catch (error) {
    await session.rollbackTransaction();
    throw error;
  }
}

async function applyWith(
  db: SqlExecutor,
  store: EventStore,
  projection: Projection,
  limit: number,
  checkpoint: () => Promise<Checkpoint>,
  together: (save: () => Promise<void>) => Promise<void>,
): Promise<number> {
  const events = await store.readAllAfter(await checkpoint(), limit, db);
  const last = events.at(-1);
  if (!last) return 0;
  const work = withoutSkipped(events, await skippedPositions(db, projection.name));
  let withCheckpoint: WithCheckpoint | void = undefined;
  try {
    if (work.length > 0) withCheckpoint = await projection.apply(work, db);
  } catch (error) {
    throw new BatchFailure(projection.name, work[0]!, work.length === 1, error);
  }
  await together(async () => {
    if (withCheckpoint) await withCheckpoint(db);
    await saveCheckpoint(db, projection.name, { transactionId: last.transactionId, globalPosition: last.globalPosition });
  });
  return events.length;
}
