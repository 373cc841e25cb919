import { MigrationInterface, QueryRunner } from 'typeorm';

/** The embedded golden-record log: Kafka's model (topics, partitions, offsets, groups) in tables. */
export class EmbeddedLog1764300000001 implements MigrationInterface {
  name = 'EmbeddedLog1764300000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE log_topics (
        topic text PRIMARY KEY,
        partitions integer NOT NULL CHECK (partitions > 0),
        compact boolean NOT NULL DEFAULT false
      )`);
    await db.query(`
      CREATE TABLE log_partitions (
        topic text NOT NULL REFERENCES log_topics (topic),
        partition integer NOT NULL,
        -- Row-locked by every publish until it commits, so offsets become visible in order.
        next_offset bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (topic, partition)
      )`);
    await db.query(`
      CREATE TABLE log_messages (
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        key text NOT NULL,
        value text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        appended_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (topic, partition, "offset")
      )`);
    await db.query(`
      CREATE TABLE log_consumer_offsets (
        group_id text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        next_offset bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic, partition)
      )`);
    await db.query(`
      CREATE TABLE log_group_members (
        group_id text NOT NULL,
        topic text NOT NULL,
        member_id text NOT NULL,
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic, member_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['log_group_members', 'log_consumer_offsets', 'log_messages', 'log_partitions', 'log_topics']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
