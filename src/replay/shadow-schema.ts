import { createHash } from 'node:crypto';
import { SqlExecutor } from '../event-store/stored-event';

/**
 * The shadow copy of a projection's tables: a schema `replay_<name>` holding tables shaped exactly
 * like the live ones (columns, defaults, checks, primary keys and indexes under their own names),
 * so that moving them into `public` later leaves nothing a future migration would not recognise.
 */
export function shadowSchemaName(projection: string): string {
  const slug = projection
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40);
  // A short hash keeps names distinct when two projection names slug alike.
  return `replay_${slug}_${createHash('sha256').update(projection).digest('hex').slice(0, 6)}`;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function checkTableNames(tables: readonly string[]): void {
  for (const t of tables) if (!IDENTIFIER.test(t)) throw new Error(`replay: table name "${t}" must be a plain lower-case identifier`);
}

export async function schemaExists(db: SqlExecutor, schema: string): Promise<boolean> {
  const [row] = await db.query(`SELECT to_regnamespace($1) IS NOT NULL AS found`, [schema]);
  return row.found === true;
}

/** Tables of `tables` missing from `schema` (a shadow from an older code version is incomplete). */
export async function missingTables(db: SqlExecutor, schema: string, tables: readonly string[]): Promise<string[]> {
  const rows: { name: string }[] = await db.query(
    `SELECT t AS name FROM unnest($2::text[]) t WHERE to_regclass(quote_ident($1) || '.' || quote_ident(t)) IS NULL`,
    [schema, tables],
  );
  return rows.map((r) => r.name);
}

/** Creates the shadow schema with empty copies of the live tables (one transaction with its checkpoint). */
export async function createShadowTables(tx: SqlExecutor, schema: string, tables: readonly string[], copyRows: boolean): Promise<void> {
  const missing = await missingTables(tx, 'public', tables);
  if (missing.length > 0) throw new Error(`replay: table(s) ${missing.join(', ')} do not exist in public`);
  await tx.query(`CREATE SCHEMA ${schema}`);
  for (const table of tables) {
    await tx.query(`CREATE TABLE ${schema}.${table} (LIKE public.${table} INCLUDING ALL EXCLUDING INDEXES)`);
    await copyConstraints(tx, schema, table);
    if (copyRows) await tx.query(`INSERT INTO ${schema}.${table} SELECT * FROM public.${table}`);
  }
}

interface IndexRow {
  name: string;
  constraint_def: string | null;
  index_def: string;
}

/** The live table's indexes, as DDL qualified with `public.` (so it can be pointed at the shadow). */
async function liveIndexes(tx: SqlExecutor, table: string): Promise<IndexRow[]> {
  const [{ path }] = await tx.query(`SELECT current_setting('search_path') AS path`);
  // With only pg_catalog on the path, pg_get_*def qualifies every name (public.t, public.gin_trgm_ops).
  await tx.query(`SELECT set_config('search_path', 'pg_catalog', true)`);
  const rows: IndexRow[] = await tx.query(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS index_def,
            (SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x')) AS constraint_def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = ('public.' || quote_ident($1))::regclass ORDER BY i.relname`,
    [table],
  );
  await tx.query(`SELECT set_config('search_path', $1, true)`, [path]);
  return rows;
}

/**
 * Primary keys and unique constraints under the live names (upserts need them from the start):
 * index names are per schema, so after the swap `public` has exactly the names the migrations made.
 */
async function copyConstraints(tx: SqlExecutor, schema: string, table: string): Promise<void> {
  for (const row of await liveIndexes(tx, table)) {
    if (row.constraint_def) await tx.query(`ALTER TABLE ${schema}.${table} ADD CONSTRAINT ${quoteIdent(row.name)} ${row.constraint_def}`);
  }
}

/**
 * The other indexes, built once the shadow is nearly complete: one CREATE INDEX over the finished
 * table is far cheaper than keeping a trigram GIN index current through millions of upserts.
 */
export async function createDeferredIndexes(db: SqlExecutor, schema: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    for (const row of await liveIndexes(db, table)) {
      if (row.constraint_def) continue;
      await db.query(
        row.index_def
          .replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')
          .replace(/ ON (ONLY )?public\.(\S+) USING /, ` ON $1${schema}.$2 USING `),
      );
    }
  }
}

/**
 * Moves the shadow tables into `public` in place of the live ones and drops the old ones. Runs in
 * the caller's transaction, so readers see the old tables or the new ones, never a mix.
 */
export async function swapIntoPublic(tx: SqlExecutor, schema: string, tables: readonly string[]): Promise<void> {
  const old = `${schema}_old`;
  await tx.query(`DROP SCHEMA IF EXISTS ${old} CASCADE`);
  await tx.query(`CREATE SCHEMA ${old}`);
  for (const table of tables) {
    await tx.query(`ALTER TABLE public.${table} SET SCHEMA ${old}`);
    await tx.query(`ALTER TABLE ${schema}.${table} SET SCHEMA public`);
  }
  await tx.query(`DROP SCHEMA ${old} CASCADE`);
  await tx.query(`DROP SCHEMA ${schema} CASCADE`);
}

export async function dropShadow(db: SqlExecutor, schema: string): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

const quoteIdent = (name: string): string => (IDENTIFIER.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
