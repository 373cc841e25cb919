import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer-group generations for the embedded log, as Kafka's group coordinator keeps them: every
 * change of a group's live members bumps its generation, and a partition belongs to one member of
 * one generation at a time. Offsets are committed only while that ownership holds, so a member
 * that was too slow to notice a rebalance cannot commit (or keep writing) for a partition that moved.
 */
export class EmbeddedLogGenerations1765100000000 implements MigrationInterface {
  name = 'EmbeddedLogGenerations1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE log_groups (
        group_id text NOT NULL,
        topic text NOT NULL,
        generation bigint NOT NULL DEFAULT 0,
        -- The live members (sorted) the generation was formed from; another set means a new generation.
        members text[] NOT NULL DEFAULT '{}',
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic)
      )`);
    await db.query(`
      CREATE TABLE log_partition_owners (
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        member_id text NOT NULL,
        generation bigint NOT NULL,
        PRIMARY KEY (group_id, topic, partition)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE log_partition_owners`);
    await db.query(`DROP TABLE log_groups`);
  }
}
