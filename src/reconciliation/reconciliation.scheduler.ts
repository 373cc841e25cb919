import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { LeaderLock, LeaderLocks } from '../event-store/leader-lock';
import { JobRegistry } from '../operations/jobs/job-registry';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { APP_CONFIG, LEADER_LOCKS } from '../platform/tokens';
import { ReconciliationService } from './reconciliation.service';

/** false turns the schedule off (one-shot CLI commands, tests); MDM_RECONCILE_INTERVAL=0 does too. */
export const RECONCILE_SCHEDULE_ENABLED = Symbol('ReconcileScheduleEnabled');

/**
 * Reconciles every MDM_RECONCILE_INTERVAL, the first time one interval after start (a restart
 * loop must not hammer Kingdee with full reads). Only the instance holding the
 * `kingdee-reconcile` leader lock runs it; the others try again at each interval.
 */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly lock: LeaderLock;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LEADER_LOCKS) locks: LeaderLocks,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(RECONCILE_SCHEDULE_ENABLED) private readonly enabled: boolean,
  ) {
    this.lock = locks.forName('kingdee-reconcile');
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.reconcile.intervalMs <= 0) return;
    this.logger.info({ everyMs: this.config.reconcile.intervalMs }, 'Kingdee reconciliation scheduled');
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
    await this.lock.release();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.tick().finally(() => this.schedule());
    }, this.config.reconcile.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (!(await this.lock.tryAcquire())) return;
      const job = await this.reconciliation.start('schedule', 'schedule');
      await this.jobs.settled(job.id);
    } catch (error) {
      this.logger.warn({ err: error }, 'scheduled Kingdee reconciliation did not run');
    }
  }
}
