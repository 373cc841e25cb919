import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '../../test/support/wait-for';
import { LeaderLock } from './leader-lock';
import { LeaderSchedule } from './leader-schedule';

function fakeLock(held: () => boolean) {
  const lock = {
    attempts: 0,
    released: 0,
    tryAcquire: async () => (lock.attempts++, held()),
    release: async () => void lock.released++,
  };
  return lock satisfies LeaderLock & { attempts: number; released: number };
}

describe('LeaderSchedule', () => {
  it('runs the work only while it holds the lock, one run at a time, and goes on after a failure', async () => {
    let leader = false;
    let runs = 0;
    let running = 0;
    let overlapped = false;
    const errors: unknown[] = [];
    const lock = fakeLock(() => leader);
    const schedule = new LeaderSchedule(lock, {
      firstDelayMs: 0,
      everyMs: 1,
      work: async () => {
        overlapped ||= running > 0;
        running++;
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (runs === 2) throw new Error('boom');
      },
      onError: (error) => errors.push(error),
    });
    schedule.start();
    await waitFor(() => lock.attempts >= 3, 'three ticks without the lock', 5_000, 1);
    assert.equal(runs, 0, 'nothing runs without the lock');
    leader = true;
    await waitFor(() => runs >= 4, 'four runs once it leads', 5_000, 1);
    await schedule.stop();
    const after = runs;
    assert.equal(overlapped, false);
    assert.deepEqual(
      errors.map((e) => (e as Error).message),
      ['boom'],
    );
    assert.equal(lock.released, 1, 'stop releases the lock');
    assert.equal(running, 0, 'stop waited for the run in flight');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(runs, after, 'nothing runs after stop');
  });
});
