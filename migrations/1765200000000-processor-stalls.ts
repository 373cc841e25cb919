import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Processor stalls (an event a processor cannot apply: what status, metrics and the skip command
 * read) and one maintenance path through the append-only trigger: `mdm admin rebase-xids` may
 * rewrite `transaction_id` (nothing else) when it sets `mdm.maintenance = 'rebase-xids'` for its
 * transaction, after a dump/restore left stored ids above the new server's xid counter.
 */
export class ProcessorStalls1765200000000 implements MigrationInterface {
  name = 'ProcessorStalls1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE processor_stalls (
        name text PRIMARY KEY,
        stalled_since timestamptz NOT NULL,
        failing_transaction_id xid8,
        failing_position bigint,
        narrowed boolean NOT NULL DEFAULT false,
        error text NOT NULL,
        attempts integer NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE OR REPLACE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('mdm.maintenance', true) = 'rebase-xids'
           AND (to_jsonb(NEW) - 'transaction_id') = (to_jsonb(OLD) - 'transaction_id') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'events are append-only';
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'events are append-only'; END $$`);
    await db.query(`DROP TABLE processor_stalls`);
  }
}
