import { randomUUID } from 'node:crypto';
import { SqlExecutor } from '../../event-store/stored-event';
import { WdtClient, WdtWarehouseQuery } from '../wdt-client/wdt-client';
import { WdtError } from '../wdt-client/wdt-error';
import { WdtPage } from '../wdt-client/read-page';
import { WdtWarehouse } from '../wdt-client/wdt-warehouse';
import { ObservationContext, WdtObservationRecorder } from '../wdt-observation-recorder.port';
import { LastSeenWarehouses, lookUpAbsentees } from './confirm-missing';
import { DEFAULT_MAX_PASSES } from './pass-verdict';
import { pullListing } from './pull-listing';
import { RunTally } from './run-tally';
import { SyncProgress, SyncRunSummary, SyncTrigger } from './sync-run';
import { SyncRunRepository } from './sync-run-repository';

export type SyncLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface WdtSyncRunnerOptions {
  /** Passes per listing before a moving list is given up on (default 3). */
  readonly maxPasses?: number;
  /** Also pull `is_disabled=1` (WDT returns enabled warehouses only by default). Default true. */
  readonly includeDisabled?: boolean;
  /** A 'running' run with no heartbeat for this long belongs to a dead hub (default 10 min). */
  readonly staleAfterMs?: number;
  /** Absentees looked up one by one before flagging (default 20). */
  readonly maxAbsenteeLookups?: number;
}

export interface WdtSyncRunnerDeps {
  readonly client: WdtClient;
  readonly recorder: WdtObservationRecorder;
  readonly db: SqlExecutor;
  readonly clock?: () => Date;
  readonly newId?: () => string;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly log?: SyncLog;
  readonly options?: WdtSyncRunnerOptions;
}

export interface RunRequest {
  /** Recorded in event metadata; defaults by trigger (`system:wdt-scheduler`, `cli`, `api`). */
  readonly actor?: string;
  readonly correlationId?: string;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Aborting stops the run between pages (it ends failed, nothing flagged). */
  readonly signal?: AbortSignal;
}

export interface StartedRun {
  readonly runId: string;
  /** Settles with the final summary; never rejects for WDT or recording failures (the summary says failed). */
  readonly completion: Promise<SyncRunSummary>;
}

const DEFAULT_ACTORS: Record<SyncTrigger, string> = { schedule: 'system:wdt-scheduler', cli: 'cli', api: 'api' };

/**
 * One WDT sync run: pull every page of the enabled and disabled listings, hand the observations to
 * the recorder page by page (so a failure later loses nothing already recorded), and only when the
 * pull is known complete look up absentees and flag the rest missing. Recorded in `wdt_sync_runs`.
 */
export class WdtSyncRunner {
  private readonly runs: SyncRunRepository;
  private readonly lastSeen: LastSeenWarehouses;
  private readonly clock: () => Date;

  constructor(private readonly deps: WdtSyncRunnerDeps) {
    this.runs = new SyncRunRepository(deps.db);
    this.lastSeen = new LastSeenWarehouses(deps.db);
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Registers the run (throws WdtSyncAlreadyRunningError if one is running) and pulls in the background. */
  async start(trigger: SyncTrigger, request: RunRequest = {}): Promise<StartedRun> {
    const runId = (this.deps.newId ?? randomUUID)();
    const startedAt = this.clock();
    const context = { syncRunId: runId, observedAt: startedAt, correlationId: request.correlationId ?? runId, actor: request.actor ?? DEFAULT_ACTORS[trigger] };
    await this.runs.start({ id: runId, trigger, startedAt, correlationId: context.correlationId, actor: context.actor }, new Date(startedAt.getTime() - (this.deps.options?.staleAfterMs ?? 600_000)));
    this.log('info', 'WDT sync started', { runId, trigger });
    const completion = this.execute(runId, context, request).then(async () => (await this.runs.find(runId))!);
    return { runId, completion };
  }

  async run(trigger: SyncTrigger, request: RunRequest = {}): Promise<SyncRunSummary> {
    return (await this.start(trigger, request)).completion;
  }

  latestRuns(limit = 10): Promise<SyncRunSummary[]> {
    return this.runs.latest(limit);
  }

  findRun(id: string): Promise<SyncRunSummary | undefined> {
    return this.runs.find(id);
  }

  private async execute(runId: string, context: ObservationContext, request: RunRequest): Promise<void> {
    const tally = new RunTally();
    try {
      const complete = await this.pullEverything(runId, context, request, tally);
      if (!complete) return await this.fail(runId, tally, 'wdt_pull_incomplete', `WDT's warehouse list kept moving for ${tally.summary().passes} passes; what was read is recorded, nothing was flagged missing`);
      if (tally.summary().failed > 0) return await this.fail(runId, tally, 'wdt_invalid_row', `${tally.summary().failed} WDT row(s) could not be used (see the log); nothing was flagged missing`);
      await this.flagMissing(runId, context, tally);
      await this.runs.finish(runId, 'succeeded', tally.summary(), this.clock());
      this.log('info', 'WDT sync succeeded', { runId, ...tally.summary() });
    } catch (error) {
      const code = error instanceof WdtError ? error.reason : ((error as { code?: string }).code ?? 'internal_error');
      await this.fail(runId, tally, String(code), error instanceof Error ? error.message : String(error)).catch((e: unknown) =>
        this.log('error', 'could not record the end of a WDT sync run', { runId, err: String(e) }),
      );
    }
  }

  private async pullEverything(runId: string, context: ObservationContext, request: RunRequest, tally: RunTally): Promise<boolean> {
    const listings: WdtWarehouseQuery[] = this.deps.options?.includeDisabled === false ? [{}] : [{ isDisabled: false }, { isDisabled: true }];
    let complete = true;
    let pagesBeforePass = 0;
    for (const query of listings) {
      const result = await pullListing(this.deps.client, query, this.deps.options?.maxPasses ?? DEFAULT_MAX_PASSES, {
        onPage: async (page, expected) => {
          if (page.pageNo === 0) pagesBeforePass = tally.summary().pages;
          await this.takePage(runId, context, request, tally, page);
          this.report(runId, request, tally, expected === undefined ? undefined : pagesBeforePass + expected);
        },
        onRepeat: (pass, reason, count) => this.log('warn', 'WDT list moved during the pull: reading it again from page 0', { runId, pass, reason, ...count }),
      });
      for (let i = 0; i < result.passes; i++) tally.addPass();
      complete &&= result.complete;
    }
    return complete;
  }

  private async takePage(runId: string, context: ObservationContext, request: RunRequest, tally: RunTally, page: WdtPage): Promise<void> {
    if (request.signal?.aborted) throw Object.assign(new Error('the WDT sync was stopped before it finished'), { code: 'wdt_sync_cancelled' });
    tally.addPage();
    tally.addFailed(page.invalidRows.length);
    for (const invalid of page.invalidRows) this.log('warn', invalid.message, { runId });
    await this.record(context, tally, page.warehouses);
    await this.runs.progress(runId, tally.summary(), this.clock());
  }

  private async record(context: ObservationContext, tally: RunTally, warehouses: readonly WdtWarehouse[]): Promise<void> {
    const fresh = tally.fresh(warehouses);
    if (fresh.length === 0) return;
    const outcomes = await this.deps.recorder.recordObservations(fresh, { ...context, observedAt: this.clock() });
    tally.markRecorded(fresh, outcomes);
  }

  /** Only after a complete pull: absentees WDT still has are recorded, the rest flagged missing. */
  private async flagMissing(runId: string, context: ObservationContext, tally: RunTally): Promise<void> {
    const absent = await this.lastSeen.absentFrom(tally.seen);
    if (absent.length > 0) {
      const found = await lookUpAbsentees(this.deps.client, absent, this.deps.options?.maxAbsenteeLookups ?? 20);
      if (found.length > 0) this.log('warn', 'WDT rows slipped past the pull and were found by warehouse_no', { runId, warehouseNos: found.map((w) => w.warehouseNo) });
      await this.record(context, tally, found);
    }
    const flagged = await this.deps.recorder.flagMissing(tally.seen, { ...context, observedAt: this.clock() });
    tally.setMissing(flagged.length);
    await this.lastSeen.replace(tally.seen);
  }

  private async fail(runId: string, tally: RunTally, code: string, message: string): Promise<void> {
    await this.runs.finish(runId, 'failed', tally.summary(), this.clock(), { code, message });
    this.log('error', `WDT sync failed: ${message}`, { runId, code, ...tally.summary() });
  }

  private report(runId: string, request: RunRequest, tally: RunTally, pages: number | undefined): void {
    const counts = tally.summary();
    const progress = { runId, page: counts.pages, pages: pages === undefined ? undefined : Math.max(pages, counts.pages), seen: counts.seen };
    this.deps.onProgress?.(progress);
    request.onProgress?.(progress);
  }

  private log(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
    this.deps.log?.(level, message, fields);
  }
}
