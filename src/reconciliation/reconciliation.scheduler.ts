import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { LeaderLocks } from '../event-store/leader-lock';
import { LeaderSchedule } from '../event-store/leader-schedule';
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
  private readonly schedule: LeaderSchedule;

  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly jobs: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LEADER_LOCKS) locks: LeaderLocks,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(RECONCILE_SCHEDULE_ENABLED) private readonly enabled: boolean,
  ) {
    this.schedule = new LeaderSchedule(locks.forName('kingdee-reconcile'), {
      firstDelayMs: config.reconcile.intervalMs,
      everyMs: config.reconcile.intervalMs,
      work: async () => {
        const job = await this.reconciliation.start('schedule', 'schedule');
        await this.jobs.settled(job.id);
      },
      onError: (error) => this.logger.warn({ err: error }, 'scheduled Kingdee reconciliation did not run'),
    });
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.reconcile.intervalMs <= 0) return;
    this.logger.info({ everyMs: this.config.reconcile.intervalMs }, 'Kingdee reconciliation scheduled');
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }
}
