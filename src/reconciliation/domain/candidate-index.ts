import { bigramDice, searchGrams } from '../../shared/domain/similarity';
import type { GoldenSnapshot } from './golden-snapshot';

/** Name alone, or name and address together, must be this similar for an unknown record to be proposed for adoption. */
export const CANDIDATE_THRESHOLDS = { nameOnly: 0.85, name: 0.6, address: 0.6 } as const;
/** Postings read per row: the rarest name bigrams first, so 仓库 or 上海 (shared by thousands) are read last if at all. */
const POSTINGS_BUDGET = 500;
const SHORTLIST = 10;

const push = (index: Map<string, number[]>, key: string, i: number): void => {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
};
const compact = (name: string): string => searchGrams(name).join('|');
const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v as number));

/**
 * Proposes a golden record for a Kingdee row nobody claims. Scoring every row against every golden
 * record would be quadratic (10,000 × 10,000 on a first reconciliation against a busy Kingdee), so
 * records with the same name or the most shared rare name bigrams are shortlisted, and only they are scored.
 */
export function candidateFinder(homeless: readonly GoldenSnapshot[]): (name: string, address: string) => string | null {
  const scored = homeless.filter((g) => g.rendered !== null);
  const postings = new Map<string, number[]>();
  const sameName = new Map<string, number[]>();
  scored.forEach((g, i) => {
    const key = compact(text(g.rendered!.FName));
    push(sameName, key, i);
    for (const gram of searchGrams(text(g.rendered!.FName))) push(postings, gram, i);
  });
  return (name, address) => {
    const shared = new Map<number, number>();
    for (const i of sameName.get(compact(name)) ?? []) shared.set(i, Number.MAX_SAFE_INTEGER);
    let read = 0;
    const grams = searchGrams(name)
      .map((gram) => postings.get(gram) ?? [])
      .sort((a, b) => a.length - b.length);
    for (const hits of grams) {
      if (read > 0 && read + hits.length > POSTINGS_BUDGET) break;
      read += hits.length;
      for (const i of hits) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    const shortlist = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SHORTLIST);
    let best: { goldenId: string; score: number } | null = null;
    for (const [i] of shortlist) {
      const g = scored[i]!;
      const nameScore = bigramDice(name, text(g.rendered!.FName));
      const addressScore = bigramDice(address, text(g.rendered!.FAddress));
      const similar =
        nameScore >= CANDIDATE_THRESHOLDS.nameOnly ||
        (nameScore >= CANDIDATE_THRESHOLDS.name && addressScore >= CANDIDATE_THRESHOLDS.address);
      if (similar && (best === null || nameScore + addressScore > best.score))
        best = { goldenId: g.goldenId, score: nameScore + addressScore };
    }
    return best?.goldenId ?? null;
  };
}
