import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAhead } from './read-ahead';

/** A source that logs when each item is asked for and handed over. */
function logged(items: readonly string[], log: string[], failAt?: number): AsyncIterable<string> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const [i, item] of items.entries()) {
        log.push(`fetch ${item}`);
        await new Promise((resolve) => setImmediate(resolve));
        if (i === failAt) throw new Error(`fetching ${item} failed`);
        yield item;
      }
    },
  };
}

describe('readAhead', () => {
  it('asks for the next item before the consumer has finished with the current one', async () => {
    const log: string[] = [];
    for await (const item of readAhead(logged(['p0', 'p1', 'p2'], log))) {
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`record ${item}`);
    }
    assert.deepEqual(log, ['fetch p0', 'fetch p1', 'record p0', 'fetch p2', 'record p1', 'record p2']);
  });

  it('hands over every item that arrived before a later failure, then throws it', async () => {
    const log: string[] = [];
    const recorded: string[] = [];
    await assert.rejects(async () => {
      for await (const item of readAhead(logged(['p0', 'p1', 'p2'], log, 2))) recorded.push(item);
    }, /fetching p2 failed/);
    assert.deepEqual(recorded, ['p0', 'p1']);
  });

  it('stops reading when the consumer stops, without an unhandled rejection from the call in flight', async () => {
    const log: string[] = [];
    await assert.rejects(async () => {
      for await (const item of readAhead(logged(['p0', 'p1', 'p2'], log, 1))) throw new Error(`recording ${item} failed`);
    }, /recording p0 failed/);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(log, ['fetch p0', 'fetch p1']);
  });
});
