import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CallBudget } from './call-budget';

function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('CallBudget (token bucket)', () => {
  it('lets a burst of a sixth of the quota through, then paces the rest', async () => {
    const time = fakeTime();
    const budget = new CallBudget(60, time.now, time.sleep);
    for (let i = 0; i < 10; i++) await budget.take();
    assert.deepEqual(time.sleeps, []);
    await budget.take();
    assert.deepEqual(time.sleeps, [1200]);
  });

  it('never allows more than callsPerMinute calls in any 60 s window', async () => {
    const time = fakeTime();
    const budget = new CallBudget(60, time.now, time.sleep);
    const callTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      await budget.take();
      callTimes.push(time.now());
    }
    for (let i = 0; i < callTimes.length; i++) {
      const inWindow = callTimes.filter((t) => t >= callTimes[i]! && t < callTimes[i]! + 60_000).length;
      assert.ok(inWindow <= 60, `${inWindow} calls in the window starting at ${callTimes[i]}`);
    }
  });

  it('refuses a quota that is not positive', () => {
    assert.throws(() => new CallBudget(0), RangeError);
  });
});
