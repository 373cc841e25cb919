import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more Kingdee sync statuses for retired and merged-away records: `forbidden` (the sink forbade
 * their BD_STOCK) and `not_in_kingdee` (they were never written there, so there was nothing to forbid).
 */
export class SyncStatusRetirement1765500000000 implements MigrationInterface {
  name = 'SyncStatusRetirement1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE warehouse_sync_status DROP CONSTRAINT warehouse_sync_status_status_check`);
    await db.query(
      `ALTER TABLE warehouse_sync_status ADD CONSTRAINT warehouse_sync_status_status_check
         CHECK (status IN ('pending', 'synced', 'failed', 'forbidden', 'not_in_kingdee'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE warehouse_sync_status DROP CONSTRAINT warehouse_sync_status_status_check`);
    await db.query(
      `ALTER TABLE warehouse_sync_status ADD CONSTRAINT warehouse_sync_status_status_check CHECK (status IN ('pending', 'synced', 'failed'))`,
    );
  }
}
