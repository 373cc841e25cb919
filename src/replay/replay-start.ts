import { DataSource } from 'typeorm';
import { loadCheckpoint, Projection, saveCheckpoint } from '../event-store/processor';
import { Checkpoint, SqlExecutor, START } from '../event-store/stored-event';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { checkTableNames, createShadowTables, dropShadow, missingTables, schemaExists } from './shadow-schema';
import { ShadowProjection } from './shadow-projection';

/** Names of processors whose effects leave the hub (Kafka, Kingdee): replaying them would re-publish. */
export const isPublisher = (name: string): boolean => /^publisher[.:]/.test(name);

/** The projection's declared tables, or a clear refusal. */
export function replayableTables(projection: Projection): readonly string[] {
  if (isPublisher(projection.name)) {
    throw new DomainError(
      ErrorCode.validation,
      `${projection.name} publishes to the golden topic: it is never replayed (a replay must not re-publish)`,
    );
  }
  if (!projection.tables || projection.tables.length === 0) {
    throw new DomainError(
      ErrorCode.validation,
      `projection ${projection.name} does not declare its tables (Projection.tables), so it cannot be rebuilt beside the live one`,
    );
  }
  checkTableNames(projection.tables);
  return projection.tables;
}

/** Where the rebuild starts: the event at global position `from` (0 = the beginning). */
export async function checkpointAt(db: SqlExecutor, from: string): Promise<Checkpoint> {
  if (!/^\d+$/.test(from)) throw new DomainError(ErrorCode.validation, `from must be a global position (a whole number), got "${from}"`);
  if (BigInt(from) === 0n) return START;
  const [row] = await db.query(`SELECT transaction_id::text AS tx FROM events WHERE global_position = $1`, [from]);
  if (!row) throw new DomainError(ErrorCode.validation, `there is no event at global position ${from}`);
  return { transactionId: row.tx, globalPosition: from };
}

/**
 * A rebuild from `from` copies the live tables and re-applies what follows `from`: if the live
 * projection has not reached `from` yet, everything between its checkpoint and `from` would be lost.
 */
export async function refuseFromBeyondLive(db: SqlExecutor, projection: string, from: string): Promise<void> {
  const start = await checkpointAt(db, from);
  const live = await loadCheckpoint(db, projection);
  if (isAfter(start, live)) {
    throw new DomainError(
      ErrorCode.validation,
      `--from ${from} is beyond ${projection}'s live checkpoint (position ${live.globalPosition}): the events between would be lost; use --from ${live.globalPosition} or less`,
    );
  }
}

/** Commit order: by transaction id, then global position (xid8 and bigint as decimal strings). */
export function isAfter(a: Checkpoint, b: Checkpoint): boolean {
  const [ta, tb] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return ta > tb || (ta === tb && BigInt(a.globalPosition) > BigInt(b.globalPosition));
}

export interface PreparedShadow {
  readonly resumed: boolean;
  readonly startedAt: Checkpoint;
}

/**
 * Resumes a shadow an earlier run left behind (its checkpoint committed with every batch), or
 * builds a new one: without `from`, empty tables from position 0; with `from`, a copy of the live
 * tables that re-applies every event after that position (idempotent projections skip what they have).
 */
export async function prepareShadow(db: DataSource, shadow: ShadowProjection, from: string | undefined): Promise<PreparedShadow> {
  const tables = replayableTables(shadow.target);
  const [existing] = await db.query(
    `SELECT transaction_id::text AS tx, global_position::text AS pos FROM processor_checkpoints WHERE name = $1`,
    [shadow.name],
  );
  if (
    from === undefined &&
    existing &&
    (await schemaExists(db, shadow.schema)) &&
    (await missingTables(db, shadow.schema, tables)).length === 0
  ) {
    return { resumed: true, startedAt: { transactionId: existing.tx, globalPosition: existing.pos } };
  }
  const start = await checkpointAt(db, from ?? '0');
  await db.transaction(async (tx) => {
    await dropShadow(tx, shadow.schema);
    await createShadowTables(tx, shadow.schema, tables, start !== START);
    await saveCheckpoint(tx, shadow.name, start);
  });
  return { resumed: false, startedAt: start };
}
