import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KingdeeWriteSlots } from './write-slots';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};

describe('KingdeeWriteSlots', () => {
  it('lets at most `limit` calls run at once and serves the waiters in order', async () => {
    const slots = new KingdeeWriteSlots(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    let peak = 0;
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        peak = Math.max(peak, slots.inFlight);
        await g.opened;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(started, [0, 1]);
    gates[1]!.open();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(started, [0, 1, 2]);
    gates.forEach((g) => g.open());
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3]);
    assert.deepEqual(started, [0, 1, 2, 3]);
    assert.equal(peak, 2);
    assert.equal(slots.inFlight, 0);
  });

  it('frees the slot when the call fails', async () => {
    const slots = new KingdeeWriteSlots(1);
    await assert.rejects(slots.run(async () => Promise.reject(new Error('down'))));
    assert.equal(await slots.run(async () => 'next'), 'next');
    assert.equal(slots.inFlight, 0);
  });
});
