import path from 'node:path';
import { DataSource } from 'typeorm';
import { projectRoot } from '../../config/config';

export interface DatabaseTarget {
  readonly url: string;
  /** Embedded PGlite serves one session: the pool must never open a second connection. */
  readonly embedded: boolean;
  /**
   * PostgreSQL ends a session left idle inside a transaction this long (0 = never): a forgotten
   * transaction would otherwise hold back every event reader on the server. Default 60 s.
   */
  readonly idleInTransactionTimeoutMs?: number;
}

export function createDataSource(target: DatabaseTarget): DataSource {
  return new DataSource({
    type: 'postgres',
    url: target.url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'schema_migrations',
    migrations: [path.join(projectRoot(), 'dist', 'migrations', '*.js')],
    // PGlite serves one session, which a timeout would end: the setting is for PostgreSQL servers only.
    extra: target.embedded ? { max: 1 } : { max: 10, idle_in_transaction_session_timeout: target.idleInTransactionTimeoutMs ?? 60_000 },
    // Failed queries surface as errors to their callers, who log them through pino (scrubbed); TypeORM
    // would print them, parameters included, straight to the console.
    logging: false,
  });
}

/** Connects and brings the schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<DataSource> {
  const dataSource = createDataSource(target);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
