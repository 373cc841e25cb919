import { MigrationInterface, QueryRunner } from 'typeorm';

/** WDT sync runs (ingestion): one row per pull, updated page by page so progress is visible while it runs. */
export class WdtSyncRuns1764300100000 implements MigrationInterface {
  name = 'WdtSyncRuns1764300100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE wdt_sync_runs (
        id uuid PRIMARY KEY,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'cli', 'api')),
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        -- Moves on with every page: a 'running' row whose heartbeat is old belongs to a hub that died.
        heartbeat_at timestamptz NOT NULL,
        pages integer NOT NULL DEFAULT 0,
        passes integer NOT NULL DEFAULT 0,
        seen integer NOT NULL DEFAULT 0,
        changed integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        missing integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        error text,
        error_code text,
        correlation_id text NOT NULL,
        actor text NOT NULL
      )`);
    // At most one pull at a time across every hub instance (scheduler, CLI and API alike).
    await db.query(`CREATE UNIQUE INDEX wdt_sync_runs_one_running ON wdt_sync_runs ((true)) WHERE status = 'running'`);
    await db.query(`CREATE INDEX wdt_sync_runs_started ON wdt_sync_runs (started_at DESC)`);
    // The warehouse_nos the last complete pull saw: the ones a new pull lacks are looked up one by one
    // before they may be flagged missing (a row can slide past a pull without changing any count).
    await db.query(`CREATE TABLE wdt_last_seen (warehouse_no text PRIMARY KEY)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE wdt_last_seen`);
    await db.query(`DROP TABLE wdt_sync_runs`);
  }
}
