import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideDismissTruncation, decideListingCheck, ListingCheckEvent, openTruncationTask } from './listing-checks';

const truncated = { outcome: 'truncated', wouldFlag: 300, known: 1000, maxShare: 0.2, sample: ['A', 'B'] } as const;

describe('WDT listing checks', () => {
  it('opens one task, refreshes it while the listing stays suspicious, and closes it when a listing passes', () => {
    const first = decideListingCheck(truncated, undefined, 'run-1');
    assert.equal(first.length, 1);
    assert.equal(first[0]!.type, 'WdtListingLooksTruncated');
    const taskId = openTruncationTask(first);
    assert.ok(taskId?.startsWith('task_wdt_truncated_'));
    const again = decideListingCheck({ ...truncated, wouldFlag: 310 }, taskId, 'run-2');
    assert.equal(openTruncationTask([...first, ...again]), taskId, 'the same task, refreshed');
    const passed = decideListingCheck({ outcome: 'trusted' }, taskId, 'run-3');
    assert.deepEqual(passed, [{ type: 'WdtListingTrusted', data: { taskId, syncRunId: 'run-3' } }]);
    assert.equal(openTruncationTask([...first, ...again, ...passed]), undefined);
    assert.deepEqual(decideListingCheck({ outcome: 'trusted' }, undefined, 'run-4'), [], 'nothing to close, nothing recorded');
  });

  it('lets a steward dismiss the open task, once', () => {
    const events: ListingCheckEvent[] = decideListingCheck(truncated, undefined, 'run-1');
    const taskId = openTruncationTask(events)!;
    const dismissed = decideDismissTruncation(taskId, taskId, 'checked in WDT');
    assert.equal(dismissed.length, 1);
    assert.equal(openTruncationTask([...events, ...dismissed]), undefined);
    assert.deepEqual(decideDismissTruncation(taskId, undefined, null), []);
  });
});
