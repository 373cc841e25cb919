import { describeMessageLogContract } from '../../test/support/message-log-contract';
import { createTestDatabase } from '../../test/support/test-database';
import { PostgresMessageLog } from './postgres-message-log';

describeMessageLogContract('embedded PostgreSQL log', async () => {
  const db = await createTestDatabase('embedded_log');
  const options = { pollMs: 20, memberTtlMs: 3_000, rebalanceTimeoutMs: 6_000 };
  return {
    log: new PostgresMessageLog(db.dataSource, options),
    otherInstance: new PostgresMessageLog(db.dataSource, options),
    close: () => db.close(),
  };
});
