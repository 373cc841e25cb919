import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HubStatus } from '../status/hub-status';

const CALL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const E2E_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 7200];

/**
 * The hub's Prometheus metrics, in a registry of its own (nothing global, so tests and several
 * apps in one process don't collide). Features report through the small `observe…` functions;
 * gauges about the pipeline are read from one status snapshot per scrape.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly wdtCalls = new Counter({
    name: 'mdm_wdt_calls_total',
    help: 'WDT API calls by outcome (ok, error)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly wdtSeconds = new Histogram({
    name: 'mdm_wdt_call_duration_seconds',
    help: 'WDT API call latency',
    labelNames: ['outcome'],
    buckets: CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly kingdeeCalls = new Counter({
    name: 'mdm_kingdee_calls_total',
    help: 'Kingdee WebAPI calls by service and outcome',
    labelNames: ['service', 'outcome'],
    registers: [this.registry],
  });
  private readonly kingdeeSeconds = new Histogram({
    name: 'mdm_kingdee_call_duration_seconds',
    help: 'Kingdee WebAPI call latency',
    labelNames: ['service', 'outcome'],
    buckets: CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly e2eSeconds = new Histogram({
    name: 'mdm_wdt_to_kingdee_latency_seconds',
    help: 'From a WDT observation to the Kingdee save of the golden version it made',
    buckets: E2E_BUCKETS,
    registers: [this.registry],
  });

  constructor(snapshot: () => Promise<HubStatus>, options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'mdm_' });
    this.pipelineGauges(cached(snapshot, 1000));
  }

  /** One WDT HTTP call (each retry counts as a call). */
  observeWdtCall(ms: number, ok: boolean): void {
    const outcome = ok ? 'ok' : 'error';
    this.wdtCalls.inc({ outcome });
    this.wdtSeconds.observe({ outcome }, ms / 1000);
  }

  /** One Kingdee WebAPI call; `service` is the short name (BatchSave, ExecuteBillQuery, ValidateUser…). */
  observeKingdeeCall(service: string, ms: number, ok: boolean): void {
    const outcome = ok ? 'ok' : 'error';
    this.kingdeeCalls.inc({ service, outcome });
    this.kingdeeSeconds.observe({ service, outcome }, ms / 1000);
  }

  observeEndToEnd(seconds: number): void {
    if (Number.isFinite(seconds) && seconds >= 0) this.e2eSeconds.observe(seconds);
  }

  async metrics(): Promise<string> {
    // prom-client spells a missing value `Nan` (e.g. the event-loop lag before its first sample);
    // the exposition format's spelling is `NaN`, which strict parsers require.
    return (await this.registry.metrics()).replace(/ Nan$/gm, ' NaN');
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private pipelineGauges(status: () => Promise<HubStatus>): void {
    const registers = [this.registry];
    const seen = { head: 0 };
    new Counter({
      name: 'mdm_events_appended_total',
      help: 'Events appended to the event store (from its head position, so every instance agrees)',
      registers,
      async collect() {
        const head = Number((await status()).events.headPosition);
        if (head > seen.head) this.inc(head - seen.head);
        seen.head = Math.max(seen.head, head);
      },
    });
    gauge('mdm_events_stored', 'Events in the event store', [], registers, async (g) => g.set((await status()).events.count));
    gauge('mdm_processor_lag_events', 'Committed events a processor has not applied yet', ['processor', 'kind'], registers, async (g) => {
      for (const p of (await status()).processors) g.set({ processor: p.name, kind: p.kind }, p.lagEvents);
    });
    gauge(
      'mdm_processor_lag_seconds',
      'Age of the oldest event a processor has not applied',
      ['processor', 'kind'],
      registers,
      async (g) => {
        for (const p of (await status()).processors) g.set({ processor: p.name, kind: p.kind }, p.lagSeconds);
      },
    );
    gauge(
      'mdm_processor_stalled',
      'A processor failing on an event and backing off (1) or running (0)',
      ['processor', 'kind'],
      registers,
      async (g) => {
        for (const p of (await status()).processors) g.set({ processor: p.name, kind: p.kind }, p.stalled ? 1 : 0);
      },
    );
    gauge(
      'mdm_processor_stalled_position',
      'Global position of the event a stalled processor fails on (only stalled processors with a known position)',
      ['processor', 'kind'],
      registers,
      async (g) => {
        for (const p of (await status()).processors)
          if (p.stalled?.failingPosition) g.set({ processor: p.name, kind: p.kind }, Number(p.stalled.failingPosition));
      },
    );
    gauge('mdm_processor_stalled_seconds', 'How long a stalled processor has been failing', ['processor', 'kind'], registers, async (g) => {
      const { at, processors } = await status();
      for (const p of processors)
        if (p.stalled) g.set({ processor: p.name, kind: p.kind }, Math.max(0, (Date.parse(at) - Date.parse(p.stalled.since)) / 1000));
    });
    gauge(
      'mdm_consumer_lag_messages',
      'Golden-topic messages the Kingdee sink group has not committed',
      ['group', 'topic'],
      registers,
      async (g) => {
        const sink = (await status()).kingdeeSink;
        if (sink.lag !== null) g.set({ group: sink.group, topic: sink.topic }, sink.lag);
      },
    );
    gauge(
      'mdm_sink_healthy',
      "1 while this hub's Kingdee sink is a consuming member of its group, 0 when not",
      [],
      registers,
      async (g) => {
        const sink = (await status()).sink;
        if (sink) g.set(sink.healthy ? 1 : 0);
      },
    );
    gauge('mdm_dlq_messages', 'Messages in the Kingdee dead-letter topic', ['topic'], registers, async (g) => {
      const dlq = (await status()).dlq;
      if (dlq.messages !== null) g.set({ topic: dlq.topic }, dlq.messages);
    });
    gauge('mdm_stewardship_open_tasks', 'Open stewardship tasks by type', ['type'], registers, async (g) => {
      for (const [type, n] of Object.entries((await status()).stewardship?.byType ?? {})) g.set({ type }, n);
    });
    gauge(
      'mdm_reconciliation_last_run_timestamp_seconds',
      'When the last successful Kingdee reconciliation finished',
      [],
      registers,
      async (g) => {
        const at = (await status()).reconciliation?.lastRunAt;
        if (at) g.set(Date.parse(at) / 1000);
      },
    );
    gauge('mdm_reconciliation_findings', 'Findings of the last Kingdee reconciliation by type', ['type'], registers, async (g) => {
      for (const [type, n] of Object.entries((await status()).reconciliation?.findings ?? {})) g.set({ type }, n);
    });
  }
}

function gauge(name: string, help: string, labelNames: string[], registers: Registry[], read: (g: Gauge) => Promise<void>): void {
  new Gauge({
    name,
    help,
    labelNames,
    registers,
    async collect() {
      this.reset();
      await read(this);
    },
  });
}

/** One snapshot serves every gauge of a scrape (and scrapes closer than `ms` apart). */
function cached<T>(load: () => Promise<T>, ms: number): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > ms) {
      last = { at: Date.now(), value: load() };
      last.value.catch(() => (last = undefined));
    }
    return last.value;
  };
}
