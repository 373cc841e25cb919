import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { openDatabase } from '../../src/platform/database/data-source';
import { startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres';

export interface TestDatabase {
  readonly url: string;
  readonly embedded: boolean;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one spec file: a new database on the PostgreSQL server of
 * TEST_DATABASE_URL (set by `npm test`), else an in-memory PGlite.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres(undefined);
    const dataSource = await openDatabase({ url: embedded.url, embedded: true });
    return {
      url: embedded.url,
      embedded: true,
      dataSource,
      async close() {
        await dataSource.destroy();
        await embedded.stop();
      },
    };
  }
  const name = `mdm_test_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  assertTestDatabaseName(name);
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(serverUrl, name);
  const dataSource = await openDatabase({ url, embedded: false });
  return {
    url,
    embedded: false,
    dataSource,
    async close() {
      await dataSource.destroy();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Tests truncate and drop things: never let them near a database not meant for it. */
export function assertTestDatabaseName(name: string): void {
  if (!name.includes('test')) throw new Error(`refusing to run tests on database "${name}": its name lacks "test"`);
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
