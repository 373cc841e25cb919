import { DataSource } from 'typeorm';
import { SqlExecutor } from './stored-event';

export interface RebaseResult {
  /** Distinct stored transaction ids rewritten. */
  readonly transactions: number;
  /** Every id now lies below this (the server's horizon when the rebase ran). */
  readonly below: string;
  readonly columns: readonly { readonly column: string; readonly rows: number }[];
  /** Transaction ids consumed first because the server's counter was lower than the number of stored ids. */
  readonly burned: number;
}

// 0 is the start checkpoint's sentinel, 1 and 2 are PostgreSQL's special xids: kept as they are.
const FIRST_NORMAL_XID = 3n;

/**
 * Rewrites every stored xid8 (events, checkpoints, stalls, replay progress: found by type, any
 * schema) to the contiguous range just below the server's current horizon, in the old order:
 * old ids sorted t1 < … < tn become H-n … H-1. Strictly order-preserving and one-to-one, so every
 * checkpoint splits the events exactly as before; all below the horizon, so readers see them; and
 * every later append gets a larger id. One transaction: events are locked against appends meanwhile.
 */
export async function rebaseXids(dataSource: DataSource): Promise<RebaseResult> {
  const columns = await xid8Columns(dataSource);
  const n = BigInt((await dataSource.query(`SELECT count(*)::text AS n FROM (${distinctIds(columns)}) ids`))[0].n);
  const burned = await advanceHorizon(dataSource, n + FIRST_NORMAL_XID);
  return dataSource.transaction(async (tx) => {
    await tx.query(`LOCK TABLE events IN EXCLUSIVE MODE`);
    // Taken before this transaction writes (and so gets an xid of its own, above the horizon).
    const horizon = BigInt((await tx.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h`))[0].h);
    await tx.query(`SET LOCAL mdm.maintenance = 'rebase-xids'`);
    await tx.query(`CREATE TEMP TABLE mdm_xid_map (old xid8 PRIMARY KEY, new xid8 NOT NULL) ON COMMIT DROP`);
    await tx.query(
      `INSERT INTO mdm_xid_map
       SELECT old, ($1::bigint - count(*) OVER () - 1 + row_number() OVER (ORDER BY old))::text::xid8 FROM (${distinctIds(columns)}) ids`,
      [String(horizon)],
    );
    const [{ lowest }] = await tx.query(`SELECT coalesce(min(new)::text, '${horizon}') AS lowest FROM mdm_xid_map`);
    if (BigInt(lowest) < FIRST_NORMAL_XID) throw new Error(`the server's horizon ${horizon} is too low for the stored ids; run again`);
    const rewritten: { column: string; rows: number }[] = [];
    for (const c of columns) rewritten.push({ column: `${c.table}.${c.column}`, rows: await rewrite(tx, c) });
    const transactions = Number((await tx.query(`SELECT count(*)::int AS n FROM mdm_xid_map`))[0].n);
    return { transactions, below: String(horizon), columns: rewritten, burned };
  });
}

interface Xid8Column {
  readonly table: string;
  readonly column: string;
}

async function xid8Columns(db: SqlExecutor): Promise<Xid8Column[]> {
  const rows: { table: string; column: string }[] = await db.query(
    `SELECT format('%I.%I', n.nspname, c.relname) AS table, quote_ident(a.attname) AS column
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.atttypid = 'xid8'::regtype AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY 1, 2`,
  );
  return rows;
}

const distinctIds = (columns: readonly Xid8Column[]): string =>
  columns.map((c) => `SELECT ${c.column} AS old FROM ${c.table} WHERE ${c.column} >= '${FIRST_NORMAL_XID}'::xid8`).join(' UNION ');

async function rewrite(tx: SqlExecutor, c: Xid8Column): Promise<number> {
  const [, count] = await tx.query(`UPDATE ${c.table} t SET ${c.column} = m.new FROM mdm_xid_map m WHERE t.${c.column} = m.old`);
  return Number(count ?? 0);
}

/** A freshly restored cluster may have handed out fewer xids than the dump holds: use some up, one per statement. */
async function advanceHorizon(db: SqlExecutor, needed: bigint): Promise<number> {
  let burned = 0;
  const horizon = async () => BigInt((await db.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h`))[0].h);
  while ((await horizon()) <= needed) {
    for (let i = 0; i < 1000; i++, burned++) await db.query(`SELECT pg_current_xact_id()`);
  }
  return burned;
}
