import { SqlExecutor } from './stored-event';

export const REBASE_XIDS_FIX = 'mdm admin rebase-xids';

/**
 * After a dump/restore into another PostgreSQL cluster the stored transaction ids can lie above the
 * new cluster's xid counter: new events then get smaller ids than every checkpoint, and every reader
 * skips them forever, silently. Returns the one line to refuse the start with, or null when all is well.
 */
export async function restoredXidsProblem(db: SqlExecutor): Promise<string | null> {
  const [row] = await db.query(
    `SELECT (SELECT max(transaction_id) FROM events)::text AS events, (SELECT max(transaction_id) FROM processor_checkpoints)::text AS checkpoints,
            pg_snapshot_xmax(pg_current_snapshot())::text AS next`,
  );
  const next = BigInt(row.next);
  const stored = [row.events, row.checkpoints].filter((v): v is string => v !== null).map(BigInt);
  const highest = stored.reduce((a, b) => (a > b ? a : b), 0n);
  if (highest < next) return null;
  return (
    `the event store holds transaction ids up to ${highest}, at or above this PostgreSQL server's next transaction id ${next} ` +
    `(restored from another cluster?): every reader would skip new events; stop every hub and run \`${REBASE_XIDS_FIX}\`, then start again`
  );
}

export class RestoredXidsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoredXidsError';
  }
}

export async function refuseRestoredXids(db: SqlExecutor): Promise<void> {
  const problem = await restoredXidsProblem(db);
  if (problem) throw new RestoredXidsError(problem);
}
