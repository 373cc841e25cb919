import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `wdt_last_seen` keys become canonical warehouse codes, with WDT's own spelling beside them (a
 *   look-up by warehouse_no must send what WDT stores). Rows written before keep their spelling as
 *   the key; the code reads them through the same code function and the next complete pull rewrites them.
 * - Stewardship tasks gain the kind `wdt_listing_truncated` ("WDT listing looks truncated"), which
 *   concerns no single golden record, so `golden_id` may be empty for it.
 */
export class WarehouseCodesAndListingChecks1765300000001 implements MigrationInterface {
  name = 'WarehouseCodesAndListingChecks1765300000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE wdt_last_seen ADD COLUMN spelling text`);
    // The reconciliation's types (1765600000000) too: whichever of the two runs last must keep every type.
    await db.query(`ALTER TABLE stewardship_tasks DROP CONSTRAINT IF EXISTS stewardship_tasks_type_check`);
    await db.query(`ALTER TABLE stewardship_tasks ADD CONSTRAINT stewardship_tasks_type_check
      CHECK (type IN ('duplicate', 'sync_failure', 'kingdee_drift', 'kingdee_missing', 'wdt_listing_truncated'))`);
    await db.query(`ALTER TABLE stewardship_tasks ALTER COLUMN golden_id DROP NOT NULL`);
    await db.query(
      `ALTER TABLE stewardship_tasks ADD CONSTRAINT stewardship_tasks_record CHECK (golden_id IS NOT NULL OR type = 'wdt_listing_truncated')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM stewardship_tasks WHERE type = 'wdt_listing_truncated'`);
    await db.query(`ALTER TABLE stewardship_tasks DROP CONSTRAINT stewardship_tasks_record`);
    await db.query(`ALTER TABLE stewardship_tasks ALTER COLUMN golden_id SET NOT NULL`);
    await db.query(`ALTER TABLE stewardship_tasks DROP CONSTRAINT IF EXISTS stewardship_tasks_type_check`);
    await db.query(`ALTER TABLE stewardship_tasks ADD CONSTRAINT stewardship_tasks_type_check
      CHECK (type IN ('duplicate', 'sync_failure', 'kingdee_drift', 'kingdee_missing'))`);
    await db.query(`ALTER TABLE wdt_last_seen DROP COLUMN spelling`);
  }
}
