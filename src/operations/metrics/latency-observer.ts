import { Projection } from '../../event-store/processor';
import { SqlExecutor, StoredEvent } from '../../event-store/stored-event';
import { HubMetrics } from './hub-metrics';

export const LATENCY_OBSERVER = 'operations.wdt-to-kingdee-latency';

interface Synced {
  readonly goldenId: string;
  readonly version: number;
}

/**
 * Feeds the end-to-end histogram: for every Kingdee save of a golden version that a WDT observation
 * made, the time from that observation to the save. It declares no tables, so replay never runs
 * it (a rebuild must not count old saves again).
 */
export class LatencyObserver implements Projection {
  readonly name = LATENCY_OBSERVER;

  constructor(private readonly metrics: HubMetrics) {}

  async apply(events: readonly StoredEvent[], tx: SqlExecutor): Promise<void> {
    const saves = events.filter((e) => e.type === 'KingdeeSyncSucceeded' && e.streamId.startsWith('warehouse-'));
    if (saves.length === 0) return;
    const rows: { stream_id: string; version: number; type: string; observed_at: string | null; occurred_ms: number }[] = await tx.query(
      `SELECT e.stream_id, e.stream_version AS version, e.type, e.data->>'observedAt' AS observed_at, date_part('epoch', e.occurred_at) * 1000 AS occurred_ms
         FROM unnest($1::text[], $2::int[]) AS s(stream_id, version)
         JOIN events e ON e.stream_id = s.stream_id AND e.stream_version = s.version`,
      [saves.map((e) => e.streamId), saves.map((e) => (e.data as Synced).version)],
    );
    const made = new Map(rows.map((r) => [`${r.stream_id}@${r.version}`, r]));
    for (const save of saves) {
      const origin = made.get(`${save.streamId}@${(save.data as Synced).version}`);
      if (origin?.type !== 'WarehouseObservedInWdt') continue;
      const observedMs = origin.observed_at ? Date.parse(origin.observed_at) : Number(origin.occurred_ms);
      this.metrics.observeEndToEnd((save.occurredAt.getTime() - observedMs) / 1000);
    }
  }
}
