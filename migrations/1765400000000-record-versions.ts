import { MigrationInterface, QueryRunner } from 'typeorm';

/** Event types that change a golden record as a steward sees it (src/warehouses/domain/record-version.ts). */
const RECORD_CHANGES = `('WarehouseObservedInWdt', 'WarehouseMissingInWdt', 'FieldOverridden', 'FieldOverrideRemoved',
  'GoldenRecordMerged', 'GoldenRecordRetired', 'GoldenRecordRestored')`;
const recordVersionAt = (goldenId: string, streamVersion: string) =>
  `(SELECT count(*)::int FROM events e WHERE e.stream_id = 'warehouse-' || ${goldenId}
     AND e.stream_version <= ${streamVersion} AND e.type IN ${RECORD_CHANGES})`;

/**
 * Record versions beside stream versions in the read models: the ETag and the versions the
 * console shows count steward-relevant changes only, so Kingdee sync results no longer make them
 * move. Existing rows are filled from the event store by the same rule the projections apply.
 */
export class RecordVersions1765400000000 implements MigrationInterface {
  name = 'RecordVersions1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE golden_warehouses ADD COLUMN record_version integer NOT NULL DEFAULT 0`);
    await db.query(`UPDATE golden_warehouses g SET record_version = ${recordVersionAt('g.golden_id', 'g.version')}`);
    await db.query(`
      ALTER TABLE warehouse_sync_status
        ADD COLUMN record_version integer NOT NULL DEFAULT 0,
        ADD COLUMN published_record_version integer NOT NULL DEFAULT 0,
        ADD COLUMN synced_record_version integer`);
    await db.query(`
      UPDATE warehouse_sync_status s SET
        record_version = ${recordVersionAt('s.golden_id', 's.version')},
        published_record_version = ${recordVersionAt('s.golden_id', 's.published_version')},
        synced_record_version = CASE WHEN s.synced_version IS NULL THEN NULL ELSE ${recordVersionAt('s.golden_id', 's.synced_version')} END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE warehouse_sync_status DROP COLUMN record_version, DROP COLUMN published_record_version,
      DROP COLUMN synced_record_version`);
    await db.query(`ALTER TABLE golden_warehouses DROP COLUMN record_version`);
  }
}
