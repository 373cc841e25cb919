import { findProvince, sameCity } from './regions';
import { addressCore, bigramDice, numbersConflict } from '../../shared/domain/similarity';

/** What matching needs to know about a golden record. */
export interface MatchProfile {
  readonly goldenId: string;
  readonly warehouseNo: string;
  readonly name: string;
  readonly address: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
}

export interface SuspectedDuplicate {
  readonly other: MatchProfile;
  readonly score: number;
  readonly reasons: readonly string[];
}

/**
 * Thresholds (bigram Dice, 0..1), tuned on real-looking names: `上海浦东仓` vs `上海浦东仓库` scores
 * 0.89, `华东一号仓` vs `华东二号仓` (two real warehouses in one park) 0.5, `北京朝阳仓` vs `北京顺义仓` 0.25.
 * - both have a street address: name ≥ 0.6 and address ≥ 0.6 and their mean ≥ 0.7;
 * - one has none: only a near-identical name (≥ 0.85) is suspicious.
 * Always within the same 省 and 市, and never when numbers in the names or addresses disagree
 * (`3号仓` vs `8号仓`). A suspicion opens a stewardship task; nothing merges automatically.
 */
export const MATCH_THRESHOLDS = { name: 0.6, address: 0.6, combined: 0.7, nameWithoutAddress: 0.85 } as const;
const MAX_SUSPECTS = 5;

export function suspectDuplicates(
  subject: MatchProfile,
  candidates: readonly MatchProfile[],
  exclude: ReadonlySet<string>,
): SuspectedDuplicate[] {
  return candidates
    .filter((c) => c.goldenId !== subject.goldenId && !exclude.has(c.goldenId) && c.warehouseNo !== subject.warehouseNo)
    .map((c) => compare(subject, c))
    .filter((s): s is SuspectedDuplicate => s !== null)
    .sort((a, b) => b.score - a.score || (a.other.goldenId < b.other.goldenId ? -1 : 1))
    .slice(0, MAX_SUSPECTS);
}

function compare(a: MatchProfile, b: MatchProfile): SuspectedDuplicate | null {
  if (!sameRegion(a, b) || numbersConflict(a.name, b.name) || numbersConflict(a.address, b.address)) return null;
  const name = round(bigramDice(a.name, b.name));
  const coreA = addressCore(a.address, [a.province, a.city, a.district]);
  const coreB = addressCore(b.address, [b.province, b.city, b.district]);
  const reasons = [`same 省/市: ${a.province}/${a.city}`, `name similarity ${name} (${a.name} ~ ${b.name})`];
  if (coreA === '' || coreB === '') {
    return name >= MATCH_THRESHOLDS.nameWithoutAddress ? { other: b, score: name, reasons: [...reasons, 'no address to compare'] } : null;
  }
  const address = round(bigramDice(coreA, coreB));
  const score = round((name + address) / 2);
  if (name < MATCH_THRESHOLDS.name || address < MATCH_THRESHOLDS.address || score < MATCH_THRESHOLDS.combined) return null;
  return { other: b, score, reasons: [...reasons, `address similarity ${address} (${a.address} ~ ${b.address})`] };
}

function sameRegion(a: MatchProfile, b: MatchProfile): boolean {
  const pa = findProvince(a.province)?.name ?? a.province;
  const pb = findProvince(b.province)?.name ?? b.province;
  return pa !== null && pa === pb && sameCity(a.city, b.city);
}

const round = (n: number) => Math.round(n * 100) / 100;
