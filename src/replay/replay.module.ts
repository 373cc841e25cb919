import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { LeaderLocks } from '../event-store/leader-lock';
import { DATA_SOURCE, EVENT_STORE, LEADER_LOCKS } from '../platform/tokens';
import { ProjectionReplayer } from './projection-replayer';
import { ReplayController } from './replay.controller';
import { ReplayHandler } from './replay.handler';
import { ResyncKingdeeHandler } from './resync-kingdee.handler';

/**
 * Replay (rebuild read models beside the live ones) and Kingdee resync. Finds the app's projections
 * through the ProcessorSupervisor and the warehouses handlers through WAREHOUSES when they run.
 */
@Module({
  controllers: [ReplayController],
  providers: [
    {
      provide: ProjectionReplayer,
      inject: [DATA_SOURCE, EVENT_STORE, LEADER_LOCKS],
      useFactory: (ds: DataSource, store: EventStore, locks: LeaderLocks) => new ProjectionReplayer(ds, store, locks),
    },
    ReplayHandler,
    ResyncKingdeeHandler,
  ],
  exports: [ReplayHandler, ResyncKingdeeHandler, ProjectionReplayer],
})
export class ReplayModule {}
