import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { waitFor } from '../../test/support/wait-for';
import { listenForAppends } from './append-listener';
import { CommandPipeline, PipelineCommand, streamConflicts } from './command-pipeline';
import { ConcurrencyError, EventStore } from './event-store';
import { EventMetadata } from './stored-event';

const meta = (): EventMetadata => ({ correlationId: 'c', actor: 'test', occurredAt: new Date(Date.UTC(2026, 10, 28)).toISOString() });

/** A counter per stream: each command appends one `Counted` event to each of its streams at the loaded version. */
function countCommand(store: EventStore, streams: readonly string[], onLoad: (keys: readonly string[]) => Promise<void> | void = () => {}) {
  const loads: string[][] = [];
  const decided: number[] = [];
  const command: PipelineCommand<number, number> = {
    keys: streams,
    load: async (keys) => {
      loads.push([...keys]);
      const versions = await store.currentVersions(keys);
      await onLoad(keys);
      return new Map(keys.map((k) => [k, versions.get(k) ?? 0]));
    },
    decide: (loaded) => {
      decided.push(Date.now());
      return {
        appends: streams.map((s) => ({
          streamId: s,
          expectedVersion: loaded.get(s)!,
          events: [{ type: 'Counted', data: {} }],
          metadata: meta(),
        })),
        result: streams.length,
      };
    },
  };
  return { command, loads, decided };
}

describe('command pipeline: load → decide → append, retrying only the streams that moved', { timeout: 60_000 }, () => {
  let db: TestDatabase;
  let store: EventStore;
  before(async () => {
    db = await createTestDatabase('command_pipeline');
    store = new EventStore(db.dataSource);
    for (const s of ['a', 'b', 'c']) await store.append(s, 0, [{ type: 'Created', data: {} }], meta());
  });
  after(() => db?.close());

  it('names every stale stream in the ConcurrencyError', async () => {
    const error = await store
      .appendMany([
        { streamId: 'a', expectedVersion: 1, events: [{ type: 'X', data: {} }], metadata: meta() },
        { streamId: 'b', expectedVersion: 2, events: [{ type: 'X', data: {} }], metadata: meta() },
        { streamId: 'c', expectedVersion: 7, events: [{ type: 'X', data: {} }], metadata: meta() },
      ])
      .catch((e: unknown) => e);
    assert.ok(error instanceof ConcurrencyError);
    assert.deepEqual(error.streamIds, ['b', 'c']);
    assert.deepEqual(
      error.conflicts.map((c) => [c.expected, c.actual]),
      [
        [2, 1],
        [7, 1],
      ],
    );
  });

  it('names the stream a racing insert hit (a new stream that exists meanwhile)', async () => {
    const error = await store
      .appendMany([
        { streamId: 'fresh', expectedVersion: 0, events: [{ type: 'X', data: {} }], metadata: meta() },
        { streamId: 'a', expectedVersion: 0, events: [{ type: 'X', data: {} }], metadata: meta() },
      ])
      .catch((e: unknown) => e);
    assert.ok(error instanceof ConcurrencyError, String(error));
    assert.deepEqual(error.streamIds, ['a']);
    assert.deepEqual(await store.readStream('fresh'), [], 'nothing was written');
  });

  it('a batch of 3 streams where one moves concurrently: only that stream is re-read, after a backoff', async () => {
    let raced = false;
    const { command, loads, decided } = countCommand(store, ['a', 'b', 'c'], async () => {
      // Another writer appends to b between our read and our commit (once).
      if (raced) return;
      raced = true;
      await store.append('b', 'any', [{ type: 'Concurrent', data: {} }], meta());
    });
    const conflicts: string[][] = [];
    const pipeline = new CommandPipeline(store, { baseMs: 40, maxMs: 1000 });
    const before = await store.currentVersions(['a', 'b', 'c']);
    const started = Date.now();
    await pipeline.run({
      ...command,
      conflicts: (error) => {
        const moved = streamConflicts(error);
        if (moved) conflicts.push(moved);
        return moved;
      },
    });
    assert.deepEqual(conflicts, [['b']], 'the conflict names b alone');
    assert.deepEqual(loads, [['a', 'b', 'c'], ['b']], 'the retry re-reads b only');
    assert.equal(decided.length, 2);
    assert.ok(decided[1]! - decided[0]! >= 20, `a backoff of at least half the 40 ms ceiling: ${decided[1]! - decided[0]!} ms`);
    assert.ok(Date.now() - started < 5_000);
    const after = await store.currentVersions(['a', 'b', 'c']);
    assert.deepEqual(
      ['a', 'b', 'c'].map((s) => after.get(s)! - before.get(s)!),
      [1, 2, 1],
      'each stream got our event once; b also kept the concurrent one',
    );
  });

  it('gives up after maxAttempts commits, the backoff growing (jittered) each time', async () => {
    const waits: number[] = [];
    const { command, loads } = countCommand(store, ['a', 'c'], () =>
      store.append('c', 'any', [{ type: 'Concurrent', data: {} }], meta()).then(() => {}),
    );
    const pipeline = new CommandPipeline(store, {
      maxAttempts: 4,
      baseMs: 10,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
    });
    await assert.rejects(pipeline.run(command), (e: unknown) => e instanceof ConcurrencyError && e.streamIds.join() === 'c');
    assert.deepEqual(waits, [7.5, 15, 30], 'equal jitter: half the doubling ceiling plus a random half');
    assert.deepEqual(loads, [['a', 'c'], ['c'], ['c'], ['c']]);
  });

  it('does not retry what is not a conflict', async () => {
    let loadsSeen = 0;
    const pipeline = new CommandPipeline(store, { sleep: async () => assert.fail('no backoff for a refusal') });
    await assert.rejects(
      pipeline.run({
        keys: ['a'],
        load: async () => (loadsSeen++, new Map([['a', 0]])),
        decide: () => {
          throw new Error('refused');
        },
      }),
      /refused/,
    );
    assert.equal(loadsSeen, 1);
  });

  it('wakes listeners through PostgreSQL NOTIFY on commit, never before', async () => {
    const listening = new EventStore(db.dataSource);
    let wakes = 0;
    listening.notifications.on('appended', () => wakes++);
    const listener = listenForAppends(db.url, listening);
    try {
      await waitFor(() => wakes >= 1, 'the listener to connect (it wakes once when it does)');
      const connected = wakes;
      await db.dataSource.transaction(async (tx) => {
        await store.append('n', 0, [{ type: 'X', data: {} }], meta(), tx);
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(wakes, connected, 'nothing is heard before the commit');
      });
      await waitFor(() => wakes > connected, 'the notification after the commit');
    } finally {
      await listener.stop();
    }
  });
});
