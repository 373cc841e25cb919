import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/config';
import { KafkaMessageLog } from '../../log/kafka-message-log';
import { MessageLog } from '../../log/message-log.port';
import { PostgresMessageLog } from '../../log/postgres-message-log';
import { LOGGER, Logger } from '../logging/logging.module';
import { APP_CONFIG, DATA_SOURCE, MESSAGE_LOG } from '../tokens';

/** Kafka when KAFKA_BROKERS is set, else the embedded log in the hub's own PostgreSQL. */
async function openLog(config: AppConfig, dataSource: DataSource, logger: Logger): Promise<MessageLog> {
  const log: MessageLog = config.kafka.brokers
    ? new KafkaMessageLog({
        brokers: config.kafka.brokers,
        clientId: config.kafka.clientId,
        sessionTimeoutMs: config.kafka.sessionTimeoutMs,
        rebalanceTimeoutMs: config.kafka.rebalanceTimeoutMs,
        log: (level, message, extra) => logger[level](extra ?? {}, message),
      })
    : new PostgresMessageLog(dataSource);
  if (!config.kafka.brokers) logger.info('no KAFKA_BROKERS: golden records go to the embedded log in PostgreSQL');
  await log.ensureTopic(config.kafka.topicGolden, { partitions: config.kafka.partitions, compact: true });
  await log.ensureTopic(config.kafka.topicDlq, { partitions: 1 });
  return log;
}

class MessagingLifecycle implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_LOG) private readonly log: MessageLog) {}
  async onApplicationShutdown(): Promise<void> {
    await this.log.close();
  }
}

@Global()
@Module({
  providers: [{ provide: MESSAGE_LOG, inject: [APP_CONFIG, DATA_SOURCE, LOGGER], useFactory: openLog }, MessagingLifecycle],
  exports: [MESSAGE_LOG],
})
export class MessagingModule {}
