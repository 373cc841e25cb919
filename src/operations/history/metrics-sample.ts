import { HubStatus } from '../status/hub-status';

/** One row of `metrics_samples`: the hub's health at `at`, and what happened since the previous sample. */
export interface MetricsSample {
  readonly at: string;
  readonly headPosition: string;
  /** Events appended since the previous sample (throughput); 0 for the first one. */
  readonly eventsAppended: number;
  /** The most lagging processor (replay shadows excluded: a rebuild is expected to lag). */
  readonly processorLagEvents: number;
  readonly processorLagSeconds: number;
  /** The Kingdee sink's consumer lag; null when Kafka could not be asked. */
  readonly sinkLag: number | null;
  readonly kingdeeSaves: number;
  /** From a WDT observation to the Kingdee save it caused, over the saves since the previous sample. */
  readonly wdtToKingdeeAvgSeconds: number | null;
  readonly wdtToKingdeeMaxSeconds: number | null;
}

export interface SavesSince {
  readonly saves: number;
  readonly latencies: readonly number[];
}

/** Pure: a sample from a status snapshot, the previous head and the saves recorded in between. */
export function sampleOf(status: HubStatus, previousHead: string | null, saves: SavesSince): MetricsSample {
  const live = status.processors.filter((p) => p.kind !== 'replay');
  const head = BigInt(status.events.headPosition);
  const appended = previousHead === null ? 0n : head - BigInt(previousHead);
  const latencies = saves.latencies;
  return {
    at: status.at,
    headPosition: status.events.headPosition,
    eventsAppended: Number(appended > 0n ? appended : 0n),
    processorLagEvents: Math.max(0, ...live.map((p) => p.lagEvents)),
    processorLagSeconds: Math.max(0, ...live.map((p) => p.lagSeconds)),
    sinkLag: status.kingdeeSink.lag,
    kingdeeSaves: saves.saves,
    wdtToKingdeeAvgSeconds: latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null,
    wdtToKingdeeMaxSeconds: latencies.length ? Math.max(...latencies) : null,
  };
}
