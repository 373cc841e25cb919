import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconciliation with Kingdee: one row per run (its findings, for `GET /api/v1/reconcile/kingdee`
 * and status), and the log of BD_STOCK records the hub never wrote, with the steward's decision on
 * each (ignored ones are not reported again). Drift and missing records are events on the golden
 * records; their stewardship tasks get two new types.
 */
export class Reconciliation1765600000000 implements MigrationInterface {
  name = 'Reconciliation1765600000000';

  async up(db: QueryRunner): Promise<void> {
    // wdt_listing_truncated comes from 1765300000001: whichever of the two runs last must keep every type.
    await db.query(`ALTER TABLE stewardship_tasks DROP CONSTRAINT IF EXISTS stewardship_tasks_type_check`);
    await db.query(`ALTER TABLE stewardship_tasks ADD CONSTRAINT stewardship_tasks_type_check
      CHECK (type IN ('duplicate', 'sync_failure', 'kingdee_drift', 'kingdee_missing', 'wdt_listing_truncated'))`);
    await db.query(`
      CREATE TABLE reconciliation_runs (
        run_id text PRIMARY KEY,
        trigger text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        -- The public report: checked, kingdeeRecords, drifted, missingInKingdee, unknownInKingdee.
        report jsonb,
        kingdee_calls int,
        error text
      )`);
    await db.query(`CREATE INDEX reconciliation_runs_started ON reconciliation_runs (started_at DESC)`);
    await db.query(`
      CREATE TABLE kingdee_unknown_records (
        f_stock_id text PRIMARY KEY,
        task_id text NOT NULL UNIQUE,
        f_number text NOT NULL,
        f_name text NOT NULL,
        candidate_golden_id text,
        status text NOT NULL CHECK (status IN ('open', 'ignored', 'adopted', 'gone')),
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        last_run_id text NOT NULL,
        resolved_at timestamptz,
        resolved_by text,
        adopted_golden_id text
      )`);
    await db.query(`CREATE INDEX kingdee_unknown_records_status ON kingdee_unknown_records (status, first_seen_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE kingdee_unknown_records`);
    await db.query(`DROP TABLE reconciliation_runs`);
    await db.query(`ALTER TABLE stewardship_tasks DROP CONSTRAINT IF EXISTS stewardship_tasks_type_check`);
    await db.query(
      `ALTER TABLE stewardship_tasks ADD CONSTRAINT stewardship_tasks_type_check CHECK (type IN ('duplicate', 'sync_failure', 'wdt_listing_truncated'))`,
    );
  }
}
