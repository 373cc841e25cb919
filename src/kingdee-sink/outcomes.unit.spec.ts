import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RenderedBatch, RenderedEntry } from '../schemes/render-batch-save';
import { KingdeeErrorCode, type RecordOutcome } from './kingdee-client';
import { classifyOutcomes, givenUp } from './outcomes';

const entry = (no: string, operation: 'create' | 'update'): RenderedEntry => ({
  goldenId: `g-${no}`,
  version: 2,
  fNumber: no,
  operation,
  fStockId: operation === 'update' ? '9' : undefined,
});
const batch = (...entries: RenderedEntry[]): RenderedBatch => ({
  operation: 'mixed',
  body: { formid: 'BD_STOCK', data: { IsVerifyBaseDataField: false, IsAutoSubmitAndAudit: false, NeedUpDateFields: [], Model: [] } },
  entries,
});
const failed = (index: number, code: KingdeeErrorCode, retryable = false): RecordOutcome => ({
  index,
  number: undefined,
  status: 'failed',
  error: { code, message: `boom ${code}`, fieldName: undefined, msgCode: 11, retryable },
});

describe('classifyOutcomes', () => {
  it('saved records succeed as created or updated by what was sent', () => {
    const c = classifyOutcomes(batch(entry('A', 'create'), entry('B', 'update')), [
      { index: 0, number: 'A', status: 'saved', id: '100001' },
      { index: 1, number: 'B', status: 'saved', id: '9' },
    ]);
    assert.deepEqual(
      c.saved.map((s) => [s.entry.goldenId, s.fStockId, s.operation]),
      [
        ['g-A', '100001', 'created'],
        ['g-B', '9', 'updated'],
      ],
    );
    assert.deepEqual([c.retry, c.failed], [[], []]);
  });

  it('an `exists` create and a duplicate number on a create go round again (then as updates)', () => {
    const c = classifyOutcomes(batch(entry('A', 'create'), entry('B', 'create')), [
      { index: 0, number: 'A', status: 'exists', id: '100007' },
      failed(1, KingdeeErrorCode.duplicateNumber),
    ]);
    assert.deepEqual(
      c.retry.map((r) => [r.entry.goldenId, r.code, r.staleId]),
      [
        ['g-A', 'kingdee_exists', false],
        ['g-B', KingdeeErrorCode.duplicateNumber, false],
      ],
    );
    assert.deepEqual(c.failed, []);
  });

  it('retryable record failures retry; an update whose id is gone retries with the id marked stale', () => {
    const c = classifyOutcomes(batch(entry('A', 'create'), entry('B', 'update')), [
      failed(0, KingdeeErrorCode.busy, true),
      failed(1, KingdeeErrorCode.notFound),
    ]);
    assert.deepEqual(
      c.retry.map((r) => [r.entry.goldenId, r.code, r.staleId]),
      [
        ['g-A', KingdeeErrorCode.busy, false],
        ['g-B', KingdeeErrorCode.notFound, true],
      ],
    );
  });

  it('validation failures, and duplicates on an update, are permanent; a missing result retries', () => {
    const c = classifyOutcomes(batch(entry('A', 'create'), entry('B', 'update'), entry('C', 'create')), [
      failed(0, KingdeeErrorCode.validation),
      failed(1, KingdeeErrorCode.duplicateNumber),
    ]);
    assert.deepEqual(
      c.failed.map((f) => [f.entry.goldenId, f.code]),
      [
        ['g-A', KingdeeErrorCode.validation],
        ['g-B', KingdeeErrorCode.duplicateNumber],
      ],
    );
    assert.deepEqual(
      c.retry.map((r) => [r.entry.goldenId, r.code]),
      [['g-C', KingdeeErrorCode.noResult]],
    );
  });

  it('givenUp turns what is still retrying into permanent failures that say how often it was tried', () => {
    const [gaveUp] = givenUp([{ entry: entry('A', 'create'), code: KingdeeErrorCode.busy, message: '网控冲突', staleId: false }], 3);
    assert.deepEqual([gaveUp!.code, gaveUp!.message], [KingdeeErrorCode.busy, '网控冲突 (still failing after 3 attempts)']);
  });
});
