import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate candidates by blocking key (domain/match-keys.ts) instead of every record of the 省/市:
 * a GIN-indexed array the golden-records projection writes. Rows written before stay NULL and are
 * still found by region (match-candidates.ts) until they change or `mdm replay` rewrites them.
 */
export class GoldenMatchKeys1765900000013 implements MigrationInterface {
  name = 'GoldenMatchKeys1765900000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE golden_warehouses ADD COLUMN match_keys text[]`);
    await db.query(`CREATE INDEX golden_warehouses_match_keys ON golden_warehouses USING gin (match_keys) WITH (fastupdate = off)`);
    await db.query(`CREATE INDEX golden_warehouses_unkeyed ON golden_warehouses (province) WHERE match_keys IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE golden_warehouses DROP COLUMN match_keys`);
  }
}
