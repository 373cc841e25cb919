import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { LeaderLocks } from '../event-store/leader-lock';
import { CheckpointedProcessor, Projection } from '../event-store/processor';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { DATA_SOURCE, EVENT_STORE, LEADER_LOCKS } from '../platform/tokens';

/** Every projection and publisher the app runs, assembled by the app module. */
export const PROJECTIONS = Symbol('Projections');
/** Set to false (tests, one-shot CLI commands) to run processors only on demand via catchUp(). */
export const RUN_PROCESSORS = Symbol('RunProcessors');

/** Runs each projection as a checkpointed processor, one leader instance per processor. */
@Injectable()
export class ProcessorSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly processors: CheckpointedProcessor[];

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(LEADER_LOCKS) locks: LeaderLocks,
    @Inject(PROJECTIONS) projections: Projection[],
    @Inject(RUN_PROCESSORS) private readonly runInBackground: boolean,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.processors = projections.map(
      (projection) =>
        new CheckpointedProcessor(dataSource, store, projection, locks.forName(`processor:${projection.name}`), {
          onStall: (stall, error) =>
            this.logger.error(
              {
                err: error,
                processor: stall.name,
                position: stall.failingPosition,
                attempts: stall.attempts,
                nextAttemptAt: stall.nextAttemptAt,
              },
              `processor ${stall.name} stalled${stall.failingPosition ? ` at position ${stall.failingPosition}` : ''}; retrying at ${stall.nextAttemptAt}`,
            ),
          onRecovered: (name) => this.logger.info({ processor: name }, `processor ${name} recovered from its stall`),
        }),
    );
  }

  onApplicationBootstrap(): void {
    if (this.runInBackground) this.processors.forEach((p) => p.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.processors.map((p) => p.stop()));
  }

  /** Applies everything committed so far, processor by processor (tests and CLI). */
  async catchUp(): Promise<void> {
    for (let total = 1; total > 0;) {
      total = 0;
      for (const processor of this.processors) total += await processor.catchUp();
    }
  }

  find(name: string): CheckpointedProcessor | undefined {
    return this.processors.find((p) => p.name === name);
  }
}
