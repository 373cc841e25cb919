import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/config';
import { LeaderLocks } from '../../event-store/leader-lock';
import { LeaderSchedule } from '../../event-store/leader-schedule';
import { LOGGER, Logger } from '../../platform/logging/logging.module';
import { APP_CONFIG, DATA_SOURCE, LEADER_LOCKS } from '../../platform/tokens';
import { OPERATIONS_WORKERS } from '../metrics/latency-observer.runner';
import { StatusQuery } from '../status/status.query';
import { MetricsHistoryStore } from './metrics-history-store';
import { sampleOf } from './metrics-sample';

/**
 * Every MDM_METRICS_SAMPLE_INTERVAL the leader instance writes one `metrics_samples` row from the
 * status snapshot and deletes rows older than MDM_METRICS_RETENTION. Saves are counted by event
 * position between two samples; an event committed late with a lower position falls between the
 * chairs: a chart may miss one save now and then, nothing else reads these rows.
 */
@Injectable()
export class MetricsSampler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private schedule: LeaderSchedule | undefined;
  private readonly store: MetricsHistoryStore;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LEADER_LOCKS) private readonly locks: LeaderLocks,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(OPERATIONS_WORKERS) private readonly runWorkers: boolean,
    private readonly status: StatusQuery,
  ) {
    this.store = new MetricsHistoryStore(dataSource);
  }

  onApplicationBootstrap(): void {
    const every = this.config.metricsHistory.sampleIntervalMs;
    if (!this.runWorkers || every === 0) return;
    this.schedule = new LeaderSchedule(this.locks.forName('metrics-sampler'), {
      firstDelayMs: every,
      everyMs: every,
      work: () => this.sampleOnce(),
      onError: (error) => this.logger.warn({ err: error }, 'metrics sample failed; the next one will try again'),
    });
    this.schedule.start();
  }

  /** One sample now (the interval's body; tests call it directly). */
  async sampleOnce(): Promise<void> {
    const [snapshot, previous] = await Promise.all([this.status.snapshot(), this.store.lastHead()]);
    const saves = previous === null ? { saves: 0, latencies: [] } : await this.store.savesBetween(previous, snapshot.events.headPosition);
    await this.store.insert(sampleOf(snapshot, previous, saves));
    await this.store.prune(new Date(Date.parse(snapshot.at) - this.config.metricsHistory.retentionMs));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule?.stop();
  }
}
