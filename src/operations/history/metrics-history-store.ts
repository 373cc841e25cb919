import { SqlExecutor } from '../../event-store/stored-event';
import { tableExists } from '../status/status-sql';
import { MetricsSample, SavesSince } from './metrics-sample';

/** A WDT sync run as the charts draw it (from `wdt_sync_runs`). */
export interface SyncRunPoint {
  readonly id: string;
  readonly startedAt: string;
  readonly status: string;
  readonly durationSeconds: number | null;
  readonly seen: number;
  readonly created: number;
  readonly changed: number;
  readonly failed: number;
}

export interface StatusHistory {
  readonly since: string;
  readonly samples: readonly MetricsSample[];
  readonly runsSince: string;
  readonly syncRuns: readonly SyncRunPoint[] | null;
}

/** `metrics_samples`: written by the leader's sampler, read by `GET /api/v1/status/history`. */
export class MetricsHistoryStore {
  constructor(private readonly db: SqlExecutor) {}

  async lastHead(): Promise<string | null> {
    const [row] = await this.db.query(`SELECT head_position::text AS head FROM metrics_samples ORDER BY at DESC LIMIT 1`);
    return row ? String(row.head) : null;
  }

  /** Kingdee saves recorded in (after, upTo], each with its delay from the WDT observation that made the version. */
  async savesBetween(after: string, upTo: string): Promise<SavesSince> {
    const rows: { origin: string | null; seconds: number | null }[] = await this.db.query(
      `SELECT o.type AS origin,
              date_part('epoch', s.occurred_at - COALESCE((o.data->>'observedAt')::timestamptz, o.occurred_at)) AS seconds
         FROM events s
         LEFT JOIN events o ON o.stream_id = s.stream_id AND o.stream_version = (s.data->>'version')::int
        WHERE s.global_position > $1 AND s.global_position <= $2
          AND s.type = 'KingdeeSyncSucceeded' AND s.stream_id LIKE 'warehouse-%'`,
      [after, upTo],
    );
    const latencies = rows
      .filter((r) => r.origin === 'WarehouseObservedInWdt' && r.seconds !== null)
      .map((r) => Math.max(0, Number(r.seconds)));
    return { saves: rows.length, latencies };
  }

  async insert(s: MetricsSample): Promise<void> {
    await this.db.query(
      `INSERT INTO metrics_samples (at, head_position, events_appended, processor_lag_events, processor_lag_seconds, sink_lag,
                                    kingdee_saves, wdt_to_kingdee_avg_seconds, wdt_to_kingdee_max_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (at) DO NOTHING`,
      [
        s.at,
        s.headPosition,
        s.eventsAppended,
        s.processorLagEvents,
        s.processorLagSeconds,
        s.sinkLag,
        s.kingdeeSaves,
        s.wdtToKingdeeAvgSeconds,
        s.wdtToKingdeeMaxSeconds,
      ],
    );
  }

  async prune(before: Date): Promise<void> {
    await this.db.query(`DELETE FROM metrics_samples WHERE at < $1`, [before]);
  }

  async history(since: Date, runsSince: Date): Promise<StatusHistory> {
    const [samples, syncRuns] = await Promise.all([
      this.db.query(`SELECT * FROM metrics_samples WHERE at >= $1 ORDER BY at`, [since]),
      this.syncRuns(runsSince),
    ]);
    return {
      since: since.toISOString(),
      samples: samples.map((r: Record<string, any>) => ({
        at: new Date(r.at).toISOString(),
        headPosition: String(r.head_position),
        eventsAppended: r.events_appended,
        processorLagEvents: r.processor_lag_events,
        processorLagSeconds: r.processor_lag_seconds,
        sinkLag: r.sink_lag,
        kingdeeSaves: r.kingdee_saves,
        wdtToKingdeeAvgSeconds: r.wdt_to_kingdee_avg_seconds,
        wdtToKingdeeMaxSeconds: r.wdt_to_kingdee_max_seconds,
      })),
      runsSince: runsSince.toISOString(),
      syncRuns,
    };
  }

  private async syncRuns(since: Date): Promise<SyncRunPoint[] | null> {
    if (!(await tableExists(this.db, 'wdt_sync_runs'))) return null;
    const rows: Record<string, any>[] = await this.db.query(
      `SELECT id, started_at, status, date_part('epoch', finished_at - started_at) AS seconds, seen, created, changed, failed
         FROM wdt_sync_runs WHERE started_at >= $1 ORDER BY started_at, id LIMIT 2000`,
      [since],
    );
    return rows.map((r) => ({
      id: String(r.id),
      startedAt: new Date(r.started_at).toISOString(),
      status: String(r.status),
      durationSeconds: r.seconds === null ? null : Number(r.seconds),
      seen: Number(r.seen),
      created: Number(r.created),
      changed: Number(r.changed),
      failed: Number(r.failed),
    }));
  }
}
