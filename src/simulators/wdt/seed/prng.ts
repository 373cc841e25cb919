/** mulberry32: a tiny seeded generator, so the same seed always yields the same data set. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Pick {
  readonly random: () => number;
  int(min: number, max: number): number;
  one<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  digits(n: number): string;
}

export function picker(random: () => number): Pick {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    random,
    int,
    one: (items) => items[int(0, items.length - 1)]!,
    chance: (p) => random() < p,
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  };
}
