import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operator jobs (replay, resync, WDT sync started from the API or CLI): one row per job, updated as
 * it progresses, so a restarted hub (or another instance behind the load balancer) still answers
 * `GET /api/v1/jobs/{id}`.
 */
export class Operations1764300400000 implements MigrationInterface {
  name = 'Operations1764300400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE operator_jobs (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        params jsonb NOT NULL DEFAULT '{}',
        done bigint NOT NULL DEFAULT 0,
        total bigint,
        result jsonb,
        error text,
        error_code text,
        actor text NOT NULL,
        correlation_id text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        -- Moves while the job runs: a 'running' row with an old heartbeat belongs to a hub that died.
        heartbeat_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX operator_jobs_started ON operator_jobs (started_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE operator_jobs`);
  }
}
