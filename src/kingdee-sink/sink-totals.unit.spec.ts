import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sinkReport } from './sink-report';
import { SinkTotals } from './sink-totals';
import type { SavedRecord } from './outcomes';

const saved = (n: number, operation: 'created' | 'updated' = 'created'): SavedRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    entry: { goldenId: `g${i}`, version: 1, fNumber: `N${i}`, operation: 'create', fStockId: undefined },
    fStockId: String(i),
    operation,
  }));

describe('SinkTotals', () => {
  it('adds the partition batches of one sync into one line with its correlation id', () => {
    const lines: [object, string][] = [];
    const totals = new SinkTotals((fields, line) => lines.push([fields, line]), 60_000);
    totals.add(sinkReport(saved(13), 0, [], 0, ['run-1']), 0);
    totals.add(sinkReport(saved(4), 1, [{ goldenId: 'x', version: 1, reason: 'not-in-kingdee', detail: '' }], 0, ['run-1']), 10);
    totals.add(sinkReport(saved(2, 'updated'), 0, [], 0, ['run-1']), 20);
    assert.deepEqual(lines, []);
    totals.flush();
    assert.equal(lines.length, 1);
    assert.equal(lines[0]![1], 'Kingdee sink: 17 saved, 2 updated, 1 failed, 1 skipped');
    assert.deepEqual(lines[0]![0], {
      saved: 17,
      updated: 2,
      forbidden: 0,
      failed: 1,
      skipped: 1,
      invalid: 0,
      batches: 3,
      skippedBy: { 'not-in-kingdee': 1 },
      correlationId: 'run-1',
    });
  });

  it('logs nothing for pure redeliveries, and flushes at least every maxMs while busy', () => {
    const lines: string[] = [];
    const totals = new SinkTotals((_f, line) => lines.push(line), 60_000, 1000);
    totals.add(sinkReport([], 0, [{ goldenId: 'x', version: 1, reason: 'already-synced', detail: '' }], 0), 0);
    totals.flush();
    assert.deepEqual(lines, []);
    totals.add(sinkReport(saved(1), 0, [], 0), 0);
    totals.add(sinkReport(saved(1), 0, [], 0), 1500);
    assert.deepEqual(lines, ['Kingdee sink: 2 saved, 0 updated, 0 failed, 0 skipped']);
    totals.flush();
  });
});
