import type { SkipReason } from './batch-plan';
import { didWork, reportLine, type SinkReport } from './sink-report';

interface Totals {
  saved: number;
  updated: number;
  forbidden: number;
  failed: number;
  skipped: number;
  invalid: number;
  batches: number;
  skippedBy: Partial<Record<SkipReason, number>>;
  correlationIds: Set<string>;
}

const empty = (): Totals => ({
  saved: 0,
  updated: 0,
  forbidden: 0,
  failed: 0,
  skipped: 0,
  invalid: 0,
  batches: 0,
  skippedBy: {},
  correlationIds: new Set(),
});
const MAX_IDS = 10;

/**
 * Adds batch reports up and logs one line once the sink goes quiet (or at least every `maxMs`):
 * a sync of 1,000 warehouses reads "Kingdee sink: 1000 saved, …" instead of one line per partition
 * batch (those stay at debug level).
 */
export class SinkTotals {
  private totals = empty();
  private quiet: NodeJS.Timeout | undefined;
  private since = 0;

  constructor(
    private readonly log: (fields: object, line: string) => void,
    private readonly quietMs = 1000,
    private readonly maxMs = 30_000,
  ) {}

  add(report: SinkReport, now = Date.now()): void {
    if (!didWork(report) && this.totals.batches === 0) return;
    if (this.totals.batches === 0) this.since = now;
    const t = this.totals;
    for (const key of ['saved', 'updated', 'forbidden', 'failed', 'skipped', 'invalid'] as const) t[key] += report[key];
    t.batches += 1;
    for (const [reason, n] of Object.entries(report.skippedBy))
      t.skippedBy[reason as SkipReason] = (t.skippedBy[reason as SkipReason] ?? 0) + (n ?? 0);
    for (const id of report.correlationIds) if (t.correlationIds.size < MAX_IDS) t.correlationIds.add(id);
    clearTimeout(this.quiet);
    if (now - this.since >= this.maxMs) return this.flush();
    this.quiet = setTimeout(() => this.flush(), this.quietMs);
    this.quiet.unref();
  }

  flush(): void {
    clearTimeout(this.quiet);
    const { correlationIds, ...totals } = this.totals;
    this.totals = empty();
    if (totals.batches === 0 || !didWork(totals)) return;
    const ids = [...correlationIds];
    this.log({ ...totals, ...(ids.length === 1 ? { correlationId: ids[0] } : { correlationIds: ids }) }, reportLine(totals));
  }
}
