import { describeMessageLogContract } from '../../test/support/message-log-contract';
import { testKafkaBrokers } from '../../test/support/kafka';
import { KafkaMessageLog } from './kafka-message-log';

describeMessageLogContract('Apache Kafka', async () => {
  const brokers = testKafkaBrokers();
  const log = new KafkaMessageLog({ brokers, clientId: 'contract-a' });
  const otherInstance = new KafkaMessageLog({ brokers, clientId: 'contract-b' });
  return {
    log,
    otherInstance,
    close: async () => {
      await log.close();
      await otherInstance.close();
    },
  };
});
