/**
 * A small seeded PRNG (mulberry32): a fault scenario's choices (which warehouse to edit, when to
 * kill) are reproducible from the seed it prints when it fails. FAULT_SEED=N replays one.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** The seed from FAULT_SEED, else a fresh one from the clock. */
  static fromEnv(): SeededRandom {
    const given = process.env.FAULT_SEED;
    return new SeededRandom(given && /^\d+$/.test(given) ? Number(given) : Date.now() % 2 ** 31);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }
}
