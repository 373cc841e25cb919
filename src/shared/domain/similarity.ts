import { compactForMatching } from './text';

/**
 * Sørensen–Dice coefficient over character bigrams (as multisets). Chinese has no word breaks and
 * most meaning sits in two-character words (浦东, 仓库, 川沙), so bigrams of the compacted text are
 * a robust, dependency-free similarity: 1 = same text, 0 = no bigram in common.
 */
export function bigramDice(a: string | null | undefined, b: string | null | undefined): number {
  const left = compactForMatching(a);
  const right = compactForMatching(b);
  if (left === '' || right === '') return 0;
  if (left === right) return 1;
  const leftGrams = bigrams(left);
  const rightGrams = bigrams(right);
  const counts = new Map<string, number>();
  for (const gram of leftGrams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of rightGrams) {
    const n = counts.get(gram) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(gram, n - 1);
    }
  }
  return (2 * shared) / (leftGrams.length + rightGrams.length);
}

/**
 * The distinct bigrams of a text as search indexes it (compacted, lower-case). If `q` occurs in a
 * text, every search gram of `q` is among the text's, so they narrow a substring search.
 */
export function searchGrams(text: string | null | undefined): string[] {
  const compact = compactForMatching(text);
  return compact === '' ? [] : [...new Set(bigrams(compact))];
}

/** Code-point bigrams; a one-character text is its own single gram. */
function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/**
 * Addresses often repeat 省/市/区 (`上海市浦东新区川沙路…`) and often don't (`川沙路…`). Strip the
 * leading region names so only the street part is compared.
 */
export function addressCore(address: string | null, regionNames: readonly (string | null)[]): string {
  let core = compactForMatching(address);
  const prefixes = regionNames.flatMap((name) => {
    const compact = compactForMatching(name);
    return compact === '' ? [] : [compact, compact.replace(/[省市区县]$/, '')];
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of prefixes) {
      if (prefix !== '' && core.startsWith(prefix) && core.length > prefix.length) {
        core = core.slice(prefix.length).replace(/^[省市区县]/, '');
        changed = true;
      }
    }
  }
  return core;
}

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};

/** The numbers in a text (`2号仓`, `二号仓`, `5188号`), without leading zeros. */
export function numbersOf(text: string | null | undefined): Set<string> {
  const arabic = compactForMatching(text).replace(/[〇一二三四五六七八九十](?=[号期仓库栋座区])/g, (c) => CHINESE_DIGITS[c]!);
  return new Set((arabic.match(/\d+/g) ?? []).map((n) => n.replace(/^0+(?=\d)/, '')));
}

/**
 * Numbers tell otherwise identical names and addresses apart (`3号仓` / `8号仓`, `物流园路100号` /
 * `物流园路108号`). They conflict when neither text's numbers include the other's: `5188号` and
 * `5188号1号门` agree, `100号` and `108号` do not, a text without numbers agrees with anything.
 */
export function numbersConflict(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = numbersOf(a);
  const right = numbersOf(b);
  const within = (x: Set<string>, y: Set<string>) => [...x].every((n) => y.has(n));
  return !within(left, right) && !within(right, left);
}
