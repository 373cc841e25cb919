import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { waitFor } from '../../test/support/wait-for';
import { openDatabase } from '../platform/database/data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../platform/database/embedded-postgres';
import { listenOnPool } from './append-listener';
import { EventStore } from './event-store';
import { EventMetadata } from './stored-event';

const meta: EventMetadata = { correlationId: 'c', actor: 'test', occurredAt: new Date(Date.UTC(2026, 10, 28)).toISOString() };

describe('embedded PGlite: appends wake processors through NOTIFY on the single connection', { timeout: 60_000 }, () => {
  let embedded: EmbeddedPostgres;
  let dataSource: DataSource;
  before(async () => {
    embedded = await startEmbeddedPostgres(undefined);
    dataSource = await openDatabase({ url: embedded.url, embedded: true });
  });
  after(async () => {
    await dataSource?.destroy();
    await embedded?.stop();
  });

  it('hears an append on commit, not before, also from a transaction', async () => {
    const store = new EventStore(dataSource);
    let wakes = 0;
    store.notifications.on('appended', () => wakes++);
    await listenOnPool(dataSource, store);
    await store.append('s-1', 0, [{ type: 'X', data: {} }], meta);
    await waitFor(() => wakes >= 1, 'the wake-up after an append');
    const before = wakes;
    await dataSource.transaction(async (tx) => {
      await store.append('s-2', 0, [{ type: 'X', data: {} }], meta, tx);
      await tx.query('SELECT 1');
      assert.equal(wakes, before, 'nothing is heard before the commit');
    });
    await waitFor(() => wakes > before, 'the wake-up after the commit');
  });
});
