import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '../../event-store/event-store';
import { LeaderLocks } from '../../event-store/leader-lock';
import { CheckpointedProcessor } from '../../event-store/processor';
import { LOGGER, Logger } from '../../platform/logging/logging.module';
import { DATA_SOURCE, EVENT_STORE, LEADER_LOCKS } from '../../platform/tokens';
import { HubMetrics } from './hub-metrics';
import { LATENCY_OBSERVER, LatencyObserver } from './latency-observer';

export const OPERATIONS_WORKERS = Symbol('OperationsWorkers');

/** Runs the latency observer on the leader instance; a first start skips history (old saves are not news). */
@Injectable()
export class LatencyObserverRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private processor: CheckpointedProcessor | undefined;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEADER_LOCKS) private readonly locks: LeaderLocks,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(OPERATIONS_WORKERS) private readonly runWorkers: boolean,
    private readonly metrics: HubMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runWorkers) return;
    await this.dataSource.query(
      `INSERT INTO processor_checkpoints (name, transaction_id, global_position)
       SELECT $1, coalesce(max(transaction_id), '0'::xid8), coalesce(max(global_position), 0) FROM events
       ON CONFLICT (name) DO NOTHING`,
      [LATENCY_OBSERVER],
    );
    this.processor = new CheckpointedProcessor(
      this.dataSource,
      this.store,
      new LatencyObserver(this.metrics),
      this.locks.forName(`processor:${LATENCY_OBSERVER}`),
      {
        onStall: (stall, error) => this.logger.warn({ err: error, attempts: stall.attempts }, 'latency observer batch failed; retrying'),
      },
    );
    this.processor.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.processor?.stop();
  }
}
