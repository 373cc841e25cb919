import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EventStore, StreamAppend } from '../src/event-store/event-store';
import { START, StoredEvent } from '../src/event-store/stored-event';
import { createTestDatabase } from '../test/support/test-database';
import { percentile, round, warehouseEventData } from './support';

const ROUNDS = 5;
const SINGLE_APPENDS = 400;
const CONCURRENT_APPENDS = 800;
const CONCURRENCY = 8;
const BATCHES = 20;
const BATCH_SIZE = 250;

/** The parts of emmett-postgresql the bench drives (its package is loaded at run time: a dev dependency for this bench only). */
interface EmmettStore {
  appendToStream(streamName: string, events: { type: string; data: Record<string, unknown> }[], options?: object): Promise<unknown>;
  close(): Promise<void>;
}
interface EmmettModule {
  getPostgreSQLEventStore(connectionString: string, options?: object): EmmettStore;
  readMessagesBatch(
    execute: unknown,
    options: { after: bigint; batchSize: number },
  ): Promise<{ currentGlobalPosition: bigint; messages: unknown[]; areMessagesLeft: boolean }>;
}
interface DumboModule {
  dumbo(options: { connectionString: string }): { execute: unknown; close(): Promise<void> };
}

interface Contender {
  appendOne(i: number): Promise<void>;
  appendBatch(from: number): Promise<void>;
  readAll(): Promise<number>;
}

/**
 * Our event store against @event-driven-io/emmett-postgresql on the same PostgreSQL server in the
 * same run, each in a fresh database of its own. Rounds alternate (ours, theirs, ours, …) so noise
 * from the shared machine hits both; the figures are medians. Ratio = our throughput / theirs.
 */
export async function run(): Promise<Record<string, unknown>> {
  const oursDb = await createTestDatabase('bench_peer_ours');
  const theirsDb = await createTestDatabase('bench_peer_emmett');
  if (oursDb.embedded)
    throw new Error('the peer bench needs a PostgreSQL server (DATABASE_URL or 127.0.0.1:5432): emmett does not run on PGlite');
  const emmett = (await import('@event-driven-io/emmett-postgresql')) as unknown as EmmettModule;
  const { dumbo } = (await import('@event-driven-io/dumbo')) as unknown as DumboModule;
  const theirStore = emmett.getPostgreSQLEventStore(theirsDb.url);
  const theirPool = dumbo({ connectionString: theirsDb.url });
  try {
    const store = new EventStore(oursDb.dataSource);
    const metadata = { correlationId: 'bench', actor: 'bench', occurredAt: new Date().toISOString() };
    const event = (i: number) => ({ type: 'WarehouseObservedInWdt', data: warehouseEventData(i) });
    const ours: Contender = {
      appendOne: async (i) => void (await store.append(`warehouse-wh_${i}`, 0, [event(i)], metadata)),
      appendBatch: async (from) => {
        const appends: StreamAppend[] = Array.from({ length: BATCH_SIZE }, (_, k) => ({
          streamId: `warehouse-wh_${from + k}`,
          expectedVersion: 0,
          metadata,
          events: [event(from + k)],
        }));
        await store.appendMany(appends);
      },
      readAll: async () => {
        let read = 0;
        let checkpoint = START;
        for (
          let page: StoredEvent[] = await store.readAllAfter(checkpoint, 1000);
          page.length > 0;
          page = await store.readAllAfter(checkpoint, 1000)
        ) {
          read += page.length;
          checkpoint = page.at(-1)!;
        }
        return read;
      },
    };
    const theirs: Contender = {
      // Emmett appends one stream per call; "no stream yet" is its equivalent of our expectedVersion 0.
      appendOne: async (i) =>
        void (await theirStore.appendToStream(`warehouse-wh_${i}`, [event(i)], { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' })),
      appendBatch: async () => {
        throw new Error('emmett has no multi-stream append');
      },
      readAll: async () => {
        let read = 0;
        let after = 0n;
        for (;;) {
          const batch = await emmett.readMessagesBatch(theirPool.execute, { after, batchSize: 1000 });
          read += batch.messages.length;
          if (batch.messages.length === 0 || !batch.areMessagesLeft) return read;
          after = batch.currentGlobalPosition;
        }
      },
    };
    // Emmett creates its schema on first use; warm both sides up outside the timings.
    await theirs.appendOne(-1);
    await ours.appendOne(-1);

    let next = 0;
    const single = await alternate(async (c) => {
      for (let k = 0; k < SINGLE_APPENDS; k++) await c.appendOne(next++);
      return SINGLE_APPENDS;
    });
    const concurrent = await alternate(async (c) => {
      const from = next;
      next += CONCURRENT_APPENDS;
      let cursor = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (cursor < CONCURRENT_APPENDS) await c.appendOne(from + cursor++);
        }),
      );
      return CONCURRENT_APPENDS;
    });
    // Batched: ours appends 250 streams per call; emmett's best is one stream per call, 8 at a time.
    const batched = await alternate(async (c) => {
      const from = next;
      next += BATCHES * BATCH_SIZE;
      if (c === ours) {
        for (let b = 0; b < BATCHES; b++) await c.appendBatch(from + b * BATCH_SIZE);
      } else {
        let cursor = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (cursor < BATCHES * BATCH_SIZE) await c.appendOne(from + cursor++);
          }),
        );
      }
      return BATCHES * BATCH_SIZE;
    });
    await oursDb.dataSource.query('ANALYZE events');
    const readAll = await alternate((c) => c.readAll());

    return {
      database: 'PostgreSQL server, a fresh database per store',
      emmettPostgresql: emmettVersion(),
      eventBytes: JSON.stringify(warehouseEventData(1)).length,
      rounds: ROUNDS,
      method: 'rounds alternate ours/theirs; medians; ratio = our events per second / theirs',
      appendOnePerCall: { events: SINGLE_APPENDS, ...single },
      append8Concurrent: { events: CONCURRENT_APPENDS, concurrency: CONCURRENCY, ...concurrent },
      batchedAppend: {
        events: BATCHES * BATCH_SIZE,
        note: `ours: appendMany of ${BATCH_SIZE} new streams per call; emmett has no multi-stream append, so its side is one stream per call, ${CONCURRENCY} in flight`,
        ...batched,
      },
      readAll: { note: 'every event in the store, pages of 1000', ...readAll },
      target: 'ratio >= 1.3 on every line',
      targetMet: [single, concurrent, batched, readAll].every((line) => line.ratio >= 1.3),
    };

    /** Runs `work` for ours then theirs, ROUNDS times; medians of events per second. */
    async function alternate(work: (c: Contender) => Promise<number>) {
      const rates: [number[], number[]] = [[], []];
      for (let r = 0; r < ROUNDS; r++) {
        for (const [i, c] of [ours, theirs].entries()) {
          const start = performance.now();
          const events = await work(c);
          rates[i]!.push((events / (performance.now() - start)) * 1000);
        }
      }
      const [o, t] = [percentile(rates[0], 50), percentile(rates[1], 50)];
      return { oursEventsPerSecond: round(o, 0), emmettEventsPerSecond: round(t, 0), ratio: round(o / t) };
    }
  } finally {
    await theirStore.close().catch(() => undefined);
    await theirPool.close().catch(() => undefined);
    await Promise.all([oursDb.close(), theirsDb.close()]);
  }
}

function emmettVersion(): string {
  // Its exports map does not list package.json: read it beside the resolved entry point.
  let dir = path.dirname(require.resolve('@event-driven-io/emmett-postgresql'));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
