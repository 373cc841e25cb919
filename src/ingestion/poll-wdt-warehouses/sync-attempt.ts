import { WdtClient, WdtWarehouseQuery } from '../wdt-client/wdt-client';
import { WdtPage } from '../wdt-client/read-page';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { ObservationContext, WdtListingCheck, WdtObservationRecorder } from '../../contracts/wdt-observation-recorder.port';
import { LastSeenWarehouses, lookUpAbsentees } from './confirm-missing';
import { DEFAULT_LOOKUP_CONCURRENCY, DEFAULT_MISSING_MAX_SHARE, looksTruncated } from './missing-evidence';
import { DEFAULT_MAX_PASSES } from './pass-verdict';
import { pullListing } from './pull-listing';
import { RunLease } from './run-ownership';
import { RunTally } from './run-tally';
import { SyncProgress } from './sync-run';
import { SyncRunRepository } from './sync-run-repository';

export type SyncLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface AttemptSettings {
  readonly client: WdtClient;
  readonly recorder: WdtObservationRecorder;
  readonly runs: SyncRunRepository;
  readonly lastSeen: LastSeenWarehouses;
  readonly clock: () => Date;
  readonly log: SyncLog;
  readonly progress: (progress: SyncProgress) => void;
  readonly signal: AbortSignal | undefined;
  readonly lease: RunLease;
  readonly maxPasses?: number;
  readonly includeDisabled?: boolean;
  /** Above this share of the known warehouses a run flags none (default 0.2). */
  readonly maxMissingShare?: number;
  /** Look-ups by warehouse_no in flight at once (default 4). */
  readonly lookupConcurrency?: number;
}

/** The run's lease died while it ran (its database connection was lost): it must not go on, another hub may start. */
export class SyncLeaseLostError extends Error {
  readonly code = 'wdt_sync_lease_lost';
  constructor() {
    super('the WDT sync lost its run lease (its database connection was lost) and stopped; the next sync may start');
  }
}

export class SyncCancelledError extends Error {
  readonly code = 'wdt_sync_cancelled';
  constructor() {
    super('the WDT sync was stopped before it finished');
  }
}

/** The work of one sync run: pull and record page by page, then (only if complete) flag missing. */
export class SyncAttempt {
  readonly tally = new RunTally();
  /** Every listing's last pass was counted against page 0's total_count (see missing-evidence.ts). */
  private counted = true;

  constructor(
    private readonly runId: string,
    private readonly context: ObservationContext,
    private readonly s: AttemptSettings,
  ) {}

  /**
   * Enabled warehouses, then disabled ones: WDT returns only enabled ones unless asked (is_disabled
   * defaults to 0), and a disabled warehouse is still a warehouse, not a missing one.
   */
  async pullEverything(): Promise<boolean> {
    const listings: WdtWarehouseQuery[] = this.s.includeDisabled === false ? [{}] : [{ isDisabled: false }, { isDisabled: true }];
    let complete = true;
    let pagesBeforePass = 0;
    for (const query of listings) {
      const result = await pullListing(this.s.client, query, this.s.maxPasses ?? DEFAULT_MAX_PASSES, {
        onPage: async (page, expected) => {
          if (page.pageNo === 0) pagesBeforePass = this.tally.summary().pages;
          await this.takePage(page);
          this.report(expected === undefined ? undefined : pagesBeforePass + expected);
        },
        onRepeat: (pass, reason, count) =>
          this.s.log('warn', 'WDT list moved during the pull: reading it again from page 0', { runId: this.runId, pass, reason, ...count }),
      });
      for (let i = 0; i < result.passes; i++) this.tally.addPass();
      complete &&= result.complete;
      this.counted &&= result.counted;
    }
    return complete;
  }

  /**
   * Only after a complete pull, and only on evidence (missing-evidence.ts): absentees are looked up
   * by warehouse_no, the ones WDT still has recorded, the rest flagged missing — unless that would be
   * more than the allowed share of the known warehouses, when nothing is flagged and a steward is asked.
   */
  async flagMissing(): Promise<void> {
    if (!this.counted) {
      this.s.log('warn', 'WDT sent no usable total_count: the listing cannot be proven complete, nothing was flagged missing', {
        runId: this.runId,
      });
      return;
    }
    const context = { ...this.context, observedAt: this.s.clock() };
    const maxShare = this.s.maxMissingShare ?? DEFAULT_MISSING_MAX_SHARE;
    // Checked before the look-ups: they can only shrink the set, and one WDT call per code would only delay the task.
    const before = await this.s.recorder.previewMissing(this.tally.seen);
    if (looksTruncated(before.codes.length, before.known, maxShare)) {
      this.s.log('warn', 'the WDT listing looks truncated: nothing was flagged missing, a stewardship task is open', {
        runId: this.runId,
        wouldFlag: before.codes.length,
        known: before.known,
        maxShare,
      });
      const check: WdtListingCheck = {
        outcome: 'truncated',
        wouldFlag: before.codes.length,
        known: before.known,
        maxShare,
        sample: before.codes.slice(0, 10),
      };
      return this.s.recorder.reportListingCheck(check, context);
    }
    const lookedUp = await this.lookUpAbsentees(before.codes);
    const after = await this.s.recorder.previewMissing(this.tally.seen);
    // Flags are the one step another run must never overlap: go on only while the lease is provably held.
    if (!(await this.s.lease.stillHeld())) throw new SyncLeaseLostError();
    // Anything not looked up (there should be none: runs never overlap) is left for the next run.
    const notLookedUp = after.codes.filter((code) => !lookedUp.has(code));
    const flagged = await this.s.recorder.flagMissing(new Set([...this.tally.seen, ...notLookedUp]), context);
    this.tally.setMissing(flagged.length);
    await this.s.recorder.reportListingCheck({ outcome: 'trusted' }, context);
    await this.s.lastSeen.replace(this.tally.spellings);
  }

  /**
   * Every code the pull lacks that would be flagged, or that the last complete pull had, is looked up
   * by warehouse_no; the ones found are recorded (a row can slide past a pull whose counts add up).
   * Returns the codes looked up.
   */
  private async lookUpAbsentees(codes: readonly string[]): Promise<Set<string>> {
    const remembered = await this.s.lastSeen.spellings();
    const absent = new Set([...codes, ...[...remembered.keys()].filter((code) => !this.tally.seen.has(code))]);
    const absentees = [...absent].map((code) => ({ code, spelling: remembered.get(code) ?? code }));
    const found = await lookUpAbsentees(this.s.client, absentees, this.s.lookupConcurrency ?? DEFAULT_LOOKUP_CONCURRENCY);
    if (found.length > 0)
      this.s.log('warn', 'WDT rows slipped past the pull and were found by warehouse_no', {
        runId: this.runId,
        warehouseNos: found.map((w) => w.warehouseNo),
      });
    await this.record(found);
    return absent;
  }

  private async takePage(page: WdtPage): Promise<void> {
    if (this.s.lease.lost.aborted) throw new SyncLeaseLostError();
    if (this.s.signal?.aborted) throw new SyncCancelledError();
    this.tally.addPage();
    this.tally.addFailed(page.invalidRows.length);
    for (const invalid of page.invalidRows) this.s.log('warn', invalid.message, { runId: this.runId });
    await this.record(page.warehouses);
    await this.s.runs.progress(this.runId, this.tally.summary(), this.s.clock());
  }

  private async record(warehouses: readonly WdtWarehouse[]): Promise<void> {
    const fresh = this.tally.fresh(warehouses);
    if (fresh.length === 0) return;
    const outcomes = await this.s.recorder.recordObservations(fresh, { ...this.context, observedAt: this.s.clock() });
    this.tally.markRecorded(fresh, outcomes);
  }

  private report(pages: number | undefined): void {
    const counts = this.tally.summary();
    this.s.progress({
      runId: this.runId,
      page: counts.pages,
      pages: pages === undefined ? undefined : Math.max(pages, counts.pages),
      seen: counts.seen,
    });
  }
}
