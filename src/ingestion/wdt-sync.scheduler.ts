import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { LeaderLocks } from '../event-store/leader-lock';
import { LeaderSchedule } from '../event-store/leader-schedule';
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
  private readonly schedule: LeaderSchedule;
  private readonly stopping = new AbortController();

  constructor(
    private readonly runner: WdtSyncRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LEADER_LOCKS) locks: LeaderLocks,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WDT_SCHEDULE_ENABLED) private readonly enabled: boolean,
  ) {
    this.schedule = new LeaderSchedule(locks.forName('wdt-sync'), {
      firstDelayMs: 0,
      everyMs: config.wdt.pollIntervalMs,
      work: async () => void (await this.runner.run('schedule', { signal: this.stopping.signal })),
      onError: (error) => {
        if (error instanceof WdtSyncAlreadyRunningError)
          this.logger.info({ runId: error.runningId }, 'WDT sync skipped: one is already running');
        else this.logger.error({ err: error }, 'WDT sync could not start');
      },
    });
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.wdt.pollIntervalMs <= 0) return;
    this.logger.info({ everyMs: this.config.wdt.pollIntervalMs }, 'WDT sync scheduled');
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.schedule.stop();
  }
}
