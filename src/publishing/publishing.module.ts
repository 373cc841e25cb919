import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { EventStore } from '../event-store/event-store';
import { MessageLog } from '../log/message-log.port';
import { APP_CONFIG, EVENT_STORE, MESSAGE_LOG } from '../platform/tokens';
import { GoldenRecordFold } from './golden-record-fold';
import { GoldenRecordPublisher } from './golden-record-publisher';

/** The golden-record publisher; the domain's fold comes in from the app module (publishing knows no domain). */
@Module({})
export class PublishingModule {
  static forRoot(fold: GoldenRecordFold<any>): DynamicModule {
    return {
      module: PublishingModule,
      providers: [
        {
          provide: GoldenRecordPublisher,
          inject: [EVENT_STORE, MESSAGE_LOG, APP_CONFIG],
          useFactory: (store: EventStore, log: MessageLog, config: AppConfig) =>
            new GoldenRecordPublisher(store, log, fold, config.kafka.topicGolden),
        },
      ],
      exports: [GoldenRecordPublisher],
    };
  }
}
