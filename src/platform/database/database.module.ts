import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/config';
import { AppendListener, listenForAppends, listenOnPool } from '../../event-store/append-listener';
import { EventStore } from '../../event-store/event-store';
import { refuseRestoredXids } from '../../event-store/xid-horizon';
import { AdvisoryLeaderLocks, alwaysLeader, LeaderLocks } from '../../event-store/leader-lock';
import { UpcasterRegistry } from '../../event-store/upcasters';
import { LOGGER, Logger } from '../logging/logging.module';
import { APP_CONFIG, DATA_SOURCE, EVENT_STORE, LEADER_LOCKS } from '../tokens';
import { openDatabase } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export const DATABASE = Symbol('Database');

/** The open database: embedded PGlite (no DATABASE_URL) or a PostgreSQL server. */
export interface Database {
  readonly dataSource: DataSource;
  readonly url: string;
  readonly embedded: boolean;
  readonly embeddedServer?: EmbeddedPostgres;
}

/** Opens and migrates the configured database (also for `mdm admin rebase-xids`, which must run where the hub refuses to). */
export async function openConfiguredDatabase(config: AppConfig, logger: Logger): Promise<Database> {
  if (config.database.url) {
    const dataSource = await openDatabase({
      url: config.database.url,
      embedded: false,
      idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
    });
    return { dataSource, url: config.database.url, embedded: false };
  }
  const embeddedServer = await startEmbeddedPostgres(config.database.dataDir);
  logger.info({ dataDir: config.database.dataDir }, 'no DATABASE_URL: using the embedded PostgreSQL (PGlite)');
  const dataSource = await openDatabase({ url: embeddedServer.url, embedded: true });
  return { dataSource, url: embeddedServer.url, embedded: true, embeddedServer };
}

/** The hub's database, refused (and closed) when a restore left stored transaction ids above the server's counter. */
async function open(config: AppConfig, logger: Logger): Promise<Database> {
  const database = await openConfiguredDatabase(config, logger);
  try {
    await refuseRestoredXids(database.dataSource);
  } catch (error) {
    await closeDatabase(database);
    throw error;
  }
  return database;
}

export async function closeDatabase(database: Database): Promise<void> {
  await database.dataSource.destroy().catch(() => undefined);
  await database.embeddedServer?.stop();
}

/** Wakes this instance's processors when any instance commits an append (PostgreSQL NOTIFY). */
const APPEND_LISTENER = Symbol('AppendListener');

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(APPEND_LISTENER) private readonly listener: AppendListener,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    await closeDatabase(this.database);
  }
}

@Global()
@Module({
  providers: [
    { provide: DATABASE, inject: [APP_CONFIG, LOGGER], useFactory: open },
    { provide: DATA_SOURCE, inject: [DATABASE], useFactory: (db: Database) => db.dataSource },
    // The one registry of event upcasters: every reader of events is to take it from here, so an upcaster
    // registered once applies to every read.
    { provide: UpcasterRegistry, useFactory: () => new UpcasterRegistry() },
    {
      provide: EVENT_STORE,
      inject: [DATA_SOURCE, UpcasterRegistry],
      useFactory: (dataSource: DataSource, upcasters: UpcasterRegistry) => new EventStore(dataSource, upcasters),
    },
    {
      provide: APPEND_LISTENER,
      inject: [DATABASE, EVENT_STORE],
      useFactory: async (db: Database, store: EventStore): Promise<AppendListener> =>
        db.embedded ? listenOnPool(db.dataSource, store) : listenForAppends(db.url, store),
    },
    {
      provide: LEADER_LOCKS,
      inject: [DATABASE],
      useFactory: (db: Database): LeaderLocks => (db.embedded ? alwaysLeader : new AdvisoryLeaderLocks(db.url)),
    },
    DatabaseLifecycle,
  ],
  exports: [DATABASE, DATA_SOURCE, UpcasterRegistry, EVENT_STORE, LEADER_LOCKS],
})
export class DatabaseModule {}
