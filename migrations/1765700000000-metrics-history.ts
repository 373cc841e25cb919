import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Samples of the hub's health taken by the leader every few seconds and kept for a few days, so
 * the console can draw lag, throughput and the WDT → Kingdee latency over time (`/metrics` only
 * knows the present; Prometheus may not be there).
 */
export class MetricsHistory1765700000000 implements MigrationInterface {
  name = 'MetricsHistory1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE metrics_samples (
        at timestamptz PRIMARY KEY,
        head_position bigint NOT NULL,
        events_appended integer NOT NULL,
        processor_lag_events integer NOT NULL,
        processor_lag_seconds real NOT NULL,
        sink_lag integer,
        kingdee_saves integer NOT NULL,
        wdt_to_kingdee_avg_seconds real,
        wdt_to_kingdee_max_seconds real
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE metrics_samples`);
  }
}
