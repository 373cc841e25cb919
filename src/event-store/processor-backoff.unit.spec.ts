import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs } from './processor-backoff';

describe('processor backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => backoffMs(n, 1000, 60_000)),
      [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000],
    );
  });
});
