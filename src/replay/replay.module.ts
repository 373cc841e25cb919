import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { LeaderLocks } from '../event-store/leader-lock';
import { DATA_SOURCE, EVENT_STORE, LEADER_LOCKS } from '../platform/tokens';
import { WarehousesModule } from '../warehouses/warehouses.module';
import { ProjectionReplayer } from './projection-replayer';
import { ReplayController } from './replay.controller';
import { ReplayHandler } from './replay.handler';
import { ResyncKingdeeHandler } from './resync-kingdee.handler';

/**
 * Replay (rebuild read models beside the live ones) and Kingdee resync. Replays the projections of
 * the ProcessorSupervisor (ProcessorsModule, global) when the app runs processors; resync asks the
 * warehouses feature (WAREHOUSES), which it imports.
 */
@Module({
  imports: [WarehousesModule],
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
