import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { EventStore } from '../event-store/event-store';
import { MessageLog } from '../log/message-log.port';
import { APP_CONFIG, EVENT_STORE, MESSAGE_LOG } from '../platform/tokens';
import { GOLDEN_RECORD_FOLD, GoldenRecordFold } from './golden-record-fold';
import { GoldenRecordPublisher } from './golden-record-publisher';

/** Needs GOLDEN_RECORD_FOLD from the warehouses module (imported alongside by the app module). */
@Module({
  providers: [
    {
      provide: GoldenRecordPublisher,
      inject: [EVENT_STORE, MESSAGE_LOG, GOLDEN_RECORD_FOLD, APP_CONFIG],
      useFactory: (store: EventStore, log: MessageLog, fold: GoldenRecordFold, config: AppConfig) =>
        new GoldenRecordPublisher(store, log, fold, config.kafka.topicGolden),
    },
  ],
  exports: [GoldenRecordPublisher],
})
export class PublishingModule {}
