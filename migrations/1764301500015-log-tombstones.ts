import { MigrationInterface, QueryRunner } from 'typeorm';

/** The embedded log carries tombstones (a null value) like Kafka: retired golden records end with one. */
export class LogTombstones1764301500015 implements MigrationInterface {
  name = 'LogTombstones1764301500015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE log_messages ALTER COLUMN value DROP NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM log_messages WHERE value IS NULL`);
    await db.query(`ALTER TABLE log_messages ALTER COLUMN value SET NOT NULL`);
  }
}
