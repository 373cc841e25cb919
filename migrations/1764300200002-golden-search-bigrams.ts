import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-character Chinese search words (浦东, 冷链) hold no trigram, so the trigram index cannot
 * narrow them and every such search scanned the table. The character bigrams of each record's
 * search text, in a GIN-indexed array, narrow any fragment of two or more characters; ILIKE then
 * confirms the exact substring.
 */
export class GoldenSearchBigrams1764300200002 implements MigrationInterface {
  name = 'GoldenSearchBigrams1764300200002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE golden_warehouses ADD COLUMN search_bigrams text[] NOT NULL DEFAULT '{}'`);
    await db.query(`CREATE INDEX golden_warehouses_bigrams ON golden_warehouses USING gin (search_bigrams) WITH (fastupdate = off)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE golden_warehouses DROP COLUMN search_bigrams`);
  }
}
