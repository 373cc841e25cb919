import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { LeaderLock, LeaderLocks } from '../event-store/leader-lock';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { APP_CONFIG, LEADER_LOCKS } from '../platform/tokens';
import { WdtSyncAlreadyRunningError } from './poll-wdt-warehouses/sync-run-repository';
import { WdtSyncRunner } from './poll-wdt-warehouses/wdt-sync-runner';

/** false turns the schedule off (one-shot CLI commands, tests); WDT_POLL_INTERVAL=0 does too. */
export const WDT_SCHEDULE_ENABLED = Symbol('WdtScheduleEnabled');

/**
 * Pulls WDT every WDT_POLL_INTERVAL, first right after start. Only the instance holding the
 * `wdt-sync` leader lock pulls; the others keep trying at each interval and take over if it dies.
 */
@Injectable()
export class WdtSyncScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly lock: LeaderLock;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<unknown> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly runner: WdtSyncRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LEADER_LOCKS) locks: LeaderLocks,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WDT_SCHEDULE_ENABLED) private readonly enabled: boolean,
  ) {
    this.lock = locks.forName('wdt-sync');
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.wdt.pollIntervalMs <= 0) return;
    this.logger.info({ everyMs: this.config.wdt.pollIntervalMs }, 'WDT sync scheduled');
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.inFlight;
    await this.lock.release();
  }

  private schedule(delayMs: number): void {
    if (this.stopping.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.tick().finally(() => this.schedule(this.config.wdt.pollIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (!(await this.lock.tryAcquire())) return;
      await this.runner.run('schedule', { signal: this.stopping.signal });
    } catch (error) {
      if (error instanceof WdtSyncAlreadyRunningError)
        this.logger.info({ runId: error.runningId }, 'WDT sync skipped: one is already running');
      else this.logger.error({ err: error }, 'WDT sync could not start');
    }
  }
}
