import { describeMessageLogContract } from '../../test/support/message-log-contract';
import { testKafkaBrokers } from '../../test/support/kafka';
import { KafkaMessageLog } from './kafka-message-log';

describeMessageLogContract('Apache Kafka', async () => {
  const brokers = testKafkaBrokers();
  // The broker's smallest session timeout, so a member that went silent is out within seconds.
  const timeouts = { sessionTimeoutMs: 6_000, rebalanceTimeoutMs: 6_000 };
  const log = new KafkaMessageLog({ brokers, clientId: 'contract-a', ...timeouts });
  const otherInstance = new KafkaMessageLog({ brokers, clientId: 'contract-b', ...timeouts });
  return {
    log,
    otherInstance,
    close: async () => {
      await log.close();
      await otherInstance.close();
    },
  };
});
