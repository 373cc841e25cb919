import { MatchProfile } from './matching';
import { regionKey } from './regions';
import { numbersOf } from '../../shared/domain/similarity';

type Keyed = Pick<MatchProfile, 'name' | 'address' | 'province' | 'city'>;

/**
 * Blocking keys for duplicate matching, so a new record is compared with a few neighbours instead
 * of its whole 省/市. A suspicion needs the same region and numbers that do not conflict in both
 * name and address (matching.ts: `3号仓` never matches `8号仓`). Numbers agree when one text's are
 * among the other's, so two agreeing non-empty sets share a number: a record filed under each of
 * its numbers (or under "none") is found by probing the subject's numbers plus "none".
 */
export function matchKeys(p: Keyed): string[] {
  const region = regionKey(p.province, p.city);
  if (region === null) return [];
  return [region, ...numberKeys(region, 'a', numbersOf(p.address)), ...numberKeys(region, 'n', numbersOf(p.name))];
}

/**
 * The keys to look a subject's candidates up by: every record it could be suspected a duplicate of
 * holds one of them. The address numbers narrow best (street numbers rarely repeat in a city), then
 * the name's; a subject with neither is compared with its whole region.
 */
export function candidateKeys(p: Keyed): string[] {
  const region = regionKey(p.province, p.city);
  if (region === null) return [];
  const address = numbersOf(p.address);
  if (address.size > 0) return [...numberKeys(region, 'a', address), `${region}#a:-`];
  const name = numbersOf(p.name);
  if (name.size > 0) return [...numberKeys(region, 'n', name), `${region}#n:-`];
  return [region];
}

function numberKeys(region: string, field: 'a' | 'n', numbers: ReadonlySet<string>): string[] {
  return numbers.size === 0 ? [`${region}#${field}:-`] : [...numbers].map((n) => `${region}#${field}:${n}`);
}
