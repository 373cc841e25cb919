import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The warehouses feature: the golden-id reservation table (strongly consistent, written with the
 * append) and the read models its projections keep (eventually consistent, rebuildable by replay).
 */
export class Warehouses1764300200000 implements MigrationInterface {
  name = 'Warehouses1764300200000';

  async up(db: QueryRunner): Promise<void> {
    // Substring search on Chinese names and addresses (ILIKE '%…%' served by a trigram index).
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE warehouse_source_keys (
        system text NOT NULL,
        source_key text NOT NULL,
        golden_id text NOT NULL,
        reserved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (system, source_key)
      )`);
    await db.query(`CREATE INDEX warehouse_source_keys_golden ON warehouse_source_keys (golden_id)`);
    await db.query(`
      CREATE TABLE golden_warehouses (
        golden_id text PRIMARY KEY,
        version integer NOT NULL,
        published_version integer NOT NULL,
        warehouse_no text NOT NULL,
        name text NOT NULL,
        type_code integer,
        type_label text,
        status text NOT NULL,
        is_defect boolean NOT NULL,
        province text, city text, district text, address text,
        contact text, telno text, mobile text, zip text, remark text, ext_warehouse_no text,
        coordinates jsonb,
        merged_into text,
        missing_in_wdt boolean NOT NULL DEFAULT false,
        overrides jsonb NOT NULL DEFAULT '{}',
        quality_flags jsonb NOT NULL DEFAULT '[]',
        search_text text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX golden_warehouses_search ON golden_warehouses USING gin (search_text gin_trgm_ops)`);
    await db.query(`CREATE INDEX golden_warehouses_region ON golden_warehouses (province, city)`);
    await db.query(`CREATE INDEX golden_warehouses_order ON golden_warehouses (warehouse_no, golden_id)`);
    await db.query(`
      CREATE TABLE warehouse_lineage (
        golden_id text NOT NULL,
        field text NOT NULL,
        stream_version integer NOT NULL,
        value jsonb,
        source_system text NOT NULL,
        source_key text NOT NULL,
        rule text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (golden_id, field, stream_version)
      )`);
    await db.query(`
      CREATE TABLE warehouse_xref (
        golden_id text NOT NULL,
        system text NOT NULL,
        source_key text NOT NULL,
        external_id text,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (golden_id, system, source_key)
      )`);
    await db.query(`CREATE INDEX warehouse_xref_lookup ON warehouse_xref (system, source_key)`);
    await db.query(`
      CREATE TABLE warehouse_sync_status (
        golden_id text PRIMARY KEY,
        version integer NOT NULL,
        published_version integer NOT NULL,
        synced_version integer,
        status text NOT NULL CHECK (status IN ('pending', 'synced', 'failed')),
        f_stock_id text,
        f_number text,
        last_error_code text,
        last_error_message text,
        last_attempt_at timestamptz
      )`);
    await db.query(`CREATE INDEX warehouse_sync_status_status ON warehouse_sync_status (status)`);
    await db.query(`
      CREATE TABLE stewardship_tasks (
        task_id text PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('duplicate', 'sync_failure')),
        status text NOT NULL CHECK (status IN ('open', 'resolved')),
        golden_id text NOT NULL,
        other_golden_id text,
        title text NOT NULL,
        details jsonb NOT NULL,
        opened_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolution text,
        resolved_by text
      )`);
    await db.query(`CREATE INDEX stewardship_tasks_listing ON stewardship_tasks (status, type, opened_at, task_id)`);
    await db.query(`CREATE INDEX stewardship_tasks_golden ON stewardship_tasks (golden_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'stewardship_tasks',
      'warehouse_sync_status',
      'warehouse_xref',
      'warehouse_lineage',
      'golden_warehouses',
      'warehouse_source_keys',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
