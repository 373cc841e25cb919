import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PagePosition, checkPageSize, isLastPage } from './paging';

const at = (p: Partial<PagePosition>): PagePosition => ({
  pageSize: 50,
  rowsOnPage: 50,
  newRowsOnPage: p.rowsOnPage ?? 50,
  rowsSoFar: 50,
  totalCount: undefined,
  ...p,
});

describe('paging', () => {
  it('accepts page sizes 1–100 and nothing else', () => {
    assert.equal(checkPageSize(1), 1);
    assert.equal(checkPageSize(100), 100);
    for (const bad of [0, 101, -1, 2.5, Number.NaN]) assert.throws(() => checkPageSize(bad), RangeError);
  });

  it('stops on an empty page', () => {
    assert.equal(isLastPage(at({ rowsOnPage: 0, rowsSoFar: 0, totalCount: 0 })), true);
    assert.equal(isLastPage(at({ rowsOnPage: 0, rowsSoFar: 100, totalCount: 120 })), true);
  });

  it('stops after an exactly-full last page once total_count is reached (no extra call)', () => {
    assert.equal(isLastPage(at({ rowsSoFar: 1000, totalCount: 1000 })), true);
  });

  it('stops on a short page when total_count is unknown or reached', () => {
    assert.equal(isLastPage(at({ rowsOnPage: 49, rowsSoFar: 99 })), true);
    assert.equal(isLastPage(at({ rowsOnPage: 20, rowsSoFar: 120, totalCount: 120 })), true);
  });

  it('reads on after a short page while total_count says more rows exist (a silent page_size cap)', () => {
    assert.equal(isLastPage(at({ rowsOnPage: 30, rowsSoFar: 30, totalCount: 95 })), false);
  });

  it('goes on after a full page when total_count is unknown or not yet reached', () => {
    assert.equal(isLastPage(at({ rowsSoFar: 1000 })), false);
    assert.equal(isLastPage(at({ rowsSoFar: 950, totalCount: 1000 })), false);
  });

  it('stops when a page brings nothing new (the server ignores page_no)', () => {
    assert.equal(isLastPage(at({ newRowsOnPage: 0, rowsSoFar: 100, totalCount: 1000 })), true);
  });
});
