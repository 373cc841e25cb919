import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each golden-record stream folded once: `golden_state` keeps the current fold of every record,
 * written with the golden-records checkpoint (which now also writes the sync status, so the
 * separate sync-status processor's checkpoint goes); `publisher_golden_state` keeps the publisher's
 * own fold, written with its checkpoint. Both start empty: the first batch touching a record reads
 * its earlier events once and keeps the fold from then on.
 */
export class GoldenState1765800000000 implements MigrationInterface {
  name = 'GoldenState1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE golden_state (
        golden_id text PRIMARY KEY,
        version int NOT NULL,
        summary jsonb NOT NULL
      )`);
    await db.query(`
      CREATE TABLE publisher_golden_state (
        stream_id text PRIMARY KEY,
        version int NOT NULL,
        state jsonb NOT NULL
      )`);
    await db.query(`DELETE FROM processor_checkpoints WHERE name = 'warehouses.sync-status'`);
    await db.query(`DELETE FROM processor_stalls WHERE name = 'warehouses.sync-status'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE publisher_golden_state`);
    await db.query(`DROP TABLE golden_state`);
  }
}
