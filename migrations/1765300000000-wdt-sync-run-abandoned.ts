import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WDT sync runs gain the status `abandoned`: a run whose hub stopped before finishing it. Ownership
 * of a run is now a lease that dies with the hub (a session advisory lock), so the next start closes
 * such a run at once instead of after a heartbeat timeout. Runs closed the old way are relabelled.
 */
export class WdtSyncRunAbandoned1765300000000 implements MigrationInterface {
  name = 'WdtSyncRunAbandoned1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE wdt_sync_runs DROP CONSTRAINT wdt_sync_runs_status_check`);
    await db.query(
      `ALTER TABLE wdt_sync_runs ADD CONSTRAINT wdt_sync_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned'))`,
    );
    await db.query(`UPDATE wdt_sync_runs SET status = 'abandoned' WHERE status = 'failed' AND error_code = 'wdt_sync_abandoned'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE wdt_sync_runs SET status = 'failed' WHERE status = 'abandoned'`);
    await db.query(`ALTER TABLE wdt_sync_runs DROP CONSTRAINT wdt_sync_runs_status_check`);
    await db.query(
      `ALTER TABLE wdt_sync_runs ADD CONSTRAINT wdt_sync_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed'))`,
    );
  }
}
