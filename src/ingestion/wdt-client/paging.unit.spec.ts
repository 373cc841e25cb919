import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPageSize, isLastPage } from './paging';

describe('paging', () => {
  it('accepts page sizes 1–100 and nothing else', () => {
    assert.equal(checkPageSize(1), 1);
    assert.equal(checkPageSize(100), 100);
    for (const bad of [0, 101, -1, 2.5, Number.NaN]) assert.throws(() => checkPageSize(bad), RangeError);
  });

  it('stops on an empty page', () => {
    assert.equal(isLastPage({ pageSize: 50, rowsOnPage: 0, rowsSoFar: 0, totalCount: undefined }), true);
  });

  it('stops on a short page even if total_count promised more', () => {
    assert.equal(isLastPage({ pageSize: 50, rowsOnPage: 49, rowsSoFar: 49, totalCount: 1000 }), true);
  });

  it('stops after an exactly-full last page once total_count is reached (no extra call)', () => {
    assert.equal(isLastPage({ pageSize: 50, rowsOnPage: 50, rowsSoFar: 1000, totalCount: 1000 }), true);
  });

  it('goes on after a full page when total_count is unknown or not yet reached', () => {
    assert.equal(isLastPage({ pageSize: 50, rowsOnPage: 50, rowsSoFar: 1000, totalCount: undefined }), false);
    assert.equal(isLastPage({ pageSize: 50, rowsOnPage: 50, rowsSoFar: 950, totalCount: 1000 }), false);
  });
});
