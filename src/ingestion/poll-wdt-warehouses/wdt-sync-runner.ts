import { randomUUID } from 'node:crypto';
import { SqlExecutor } from '../../event-store/stored-event';
import { WdtClient } from '../wdt-client/wdt-client';
import { WdtError } from '../wdt-client/wdt-error';
import { ObservationContext, WdtObservationRecorder } from '../../contracts/wdt-observation-recorder.port';
import { LastSeenWarehouses } from './confirm-missing';
import { AttemptSettings, SyncAttempt, SyncLog } from './sync-attempt';
import { SyncCounts, SyncProgress, SyncRunSummary, SyncTrigger } from './sync-run';
import { RunLease, RunOwnership } from './run-ownership';
import { SyncRunRepository, WdtSyncAlreadyRunningError } from './sync-run-repository';

export type { SyncLog };

export interface WdtSyncRunnerOptions {
  /** Passes per listing before a moving list is given up on (default 3). */
  readonly maxPasses?: number;
  /** Also pull `is_disabled=1` (WDT returns enabled warehouses only by default). Default true. */
  readonly includeDisabled?: boolean;
  /** Above this share of the known warehouses a run flags none and asks a steward (default 0.2). */
  readonly maxMissingShare?: number;
  /** Look-ups by warehouse_no in flight at once before flagging (default 4); every absentee is looked up. */
  readonly lookupConcurrency?: number;
}

export interface WdtSyncRunnerDeps {
  readonly client: WdtClient;
  readonly recorder: WdtObservationRecorder;
  readonly db: SqlExecutor;
  /** Who may run now: an advisory-lock lease on a server, the process itself on embedded PGlite. */
  readonly ownership: RunOwnership;
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
 * pull is known complete look up absentees and flag the rest missing (missing-evidence.ts). Recorded in
 * `wdt_sync_runs`; owned, from start to finish, through a lease that dies with this process (run-ownership.ts).
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
    const context = {
      syncRunId: runId,
      observedAt: startedAt,
      correlationId: request.correlationId ?? runId,
      actor: request.actor ?? DEFAULT_ACTORS[trigger],
    };
    const lease = await this.deps.ownership.tryAcquire();
    if (!lease) throw new WdtSyncAlreadyRunningError(await this.runs.runningId());
    try {
      const abandoned = await this.runs.start({
        id: runId,
        trigger,
        startedAt,
        correlationId: context.correlationId,
        actor: context.actor,
      });
      if (abandoned.length > 0) this.log('warn', 'WDT sync run(s) abandoned by a hub that stopped were closed', { runIds: abandoned });
    } catch (error) {
      await lease.release();
      throw error;
    }
    this.log('info', 'WDT sync started', { runId, trigger });
    const completion = this.execute(runId, context, request, lease)
      .finally(() => lease.release())
      .then(async () => (await this.runs.find(runId))!);
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

  private async execute(runId: string, context: ObservationContext, request: RunRequest, lease: RunLease): Promise<void> {
    const attempt = new SyncAttempt(runId, context, this.attemptSettings(request, lease));
    const counts = () => attempt.tally.summary();
    try {
      if (!(await attempt.pullEverything())) {
        return await this.fail(
          runId,
          counts(),
          'wdt_pull_incomplete',
          `WDT's warehouse list kept moving for ${counts().passes} passes; what was read is recorded, nothing was flagged missing`,
        );
      }
      if (counts().failed > 0)
        return await this.fail(
          runId,
          counts(),
          'wdt_invalid_row',
          `${counts().failed} WDT row(s) could not be used (see the log); nothing was flagged missing`,
        );
      await attempt.flagMissing();
      await this.runs.finish(runId, 'succeeded', counts(), this.clock());
      this.log('info', 'WDT sync succeeded', { runId, ...counts() });
    } catch (error) {
      const code = error instanceof WdtError ? error.reason : ((error as { code?: string }).code ?? 'internal_error');
      const message = error instanceof Error ? error.message : String(error);
      await this.recordFailure(runId, counts(), String(code), message);
    }
  }

  /** The database may be what failed (connections terminated): a few pooled retries get a fresh connection. */
  private async recordFailure(runId: string, counts: SyncCounts, code: string, message: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fail(runId, counts, code, message);
      } catch (error) {
        if (attempt >= 3) return this.log('error', 'could not record the end of a WDT sync run', { runId, err: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  private attemptSettings(request: RunRequest, lease: RunLease): AttemptSettings {
    const { client, recorder, options } = this.deps;
    return {
      client,
      recorder,
      runs: this.runs,
      lastSeen: this.lastSeen,
      clock: this.clock,
      log: (level, message, fields) => this.log(level, message, fields),
      progress: (progress) => {
        this.deps.onProgress?.(progress);
        request.onProgress?.(progress);
      },
      signal: request.signal,
      lease,
      ...options,
    };
  }

  private async fail(runId: string, counts: SyncCounts, code: string, message: string): Promise<void> {
    await this.runs.finish(runId, 'failed', counts, this.clock(), { code, message });
    this.log('error', `WDT sync failed: ${message}`, { runId, code, ...counts });
  }

  private log(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
    this.deps.log?.(level, message, fields);
  }
}
