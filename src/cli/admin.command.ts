import { loadConfig } from '../config/config';
import { rebaseXids } from '../event-store/xid-rebase';
import { restoredXidsProblem } from '../event-store/xid-horizon';
import { closeDatabase, openConfiguredDatabase } from '../platform/database/database.module';
import pino from 'pino';
import { configuredSecrets } from '../config/config';
import { createLogger } from '../platform/logging/logger';
import { CliCommand, CliError } from './commands';
import { HubClient } from './hub-client';

/**
 * `mdm admin rebase-xids`: after a dump/restore into another PostgreSQL cluster, moves the stored
 * transaction ids below the new server's horizon (order kept) so readers see new events again.
 * Runs on the database directly: the hub refuses to start until it has run.
 */
export const adminRebaseXidsCommand: CliCommand = {
  path: ['admin', 'rebase-xids'],
  summary: 'after a restore into another cluster: rewrite stored transaction ids below the server horizon (every hub stopped)',
  flags: [{ name: 'force', description: 'rewrite even when no stored transaction id is at or above the server counter' }],
  async run(args) {
    const config = loadConfig();
    if (await HubClient.discover(config)) throw new CliError(`a hub answers on port ${config.http.port}: stop every hub first`);
    const level = config.logLevel === 'info' ? 'warn' : config.logLevel;
    const logger = createLogger({ level, secrets: configuredSecrets(config), destination: pino.destination({ dest: 2, sync: true }) });
    const database = await openConfiguredDatabase(config, logger);
    try {
      const problem = await restoredXidsProblem(database.dataSource);
      if (!problem && !args.options.force) {
        process.stdout.write('stored transaction ids are below the server horizon: nothing to do (--force rewrites them anyway)\n');
        return 0;
      }
      const result = await rebaseXids(database.dataSource);
      process.stdout.write(
        `rebased ${result.transactions} transaction id(s) below ${result.below}${result.burned ? ` (advanced the server by ${result.burned} xids first)` : ''}\n`,
      );
      for (const c of result.columns) process.stdout.write(`  ${c.column}: ${c.rows} row(s)\n`);
      return 0;
    } finally {
      await closeDatabase(database);
    }
  },
};
