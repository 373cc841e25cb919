import { candidateKeys, matchKeys } from '../../domain/match-keys';
import { MatchProfile } from '../../domain/matching';

/**
 * Candidates per observation key: read-model records sharing a blocking key with the subject, plus
 * records earlier in this batch (an initial load brings both duplicates at once, and the read model
 * has neither yet). A record re-described in the batch is compared as it is now, not as read.
 */
export function candidatesByKey(
  subjects: readonly { key: string; profile: MatchProfile }[],
  readModel: readonly MatchProfile[],
): Map<string, MatchProfile[]> {
  const latest = new Map<string, MatchProfile>();
  const filed = new Map<string, Set<string>>();
  const file = (p: MatchProfile) => {
    latest.set(p.goldenId, p);
    for (const k of matchKeys(p)) filed.set(k, (filed.get(k) ?? new Set()).add(p.goldenId));
  };
  readModel.forEach(file);
  const result = new Map<string, MatchProfile[]>();
  for (const { key, profile } of subjects) {
    const probes = candidateKeys(profile);
    const ids = new Set(probes.flatMap((k) => [...(filed.get(k) ?? [])]));
    ids.delete(profile.goldenId);
    if (probes.length > 0)
      result.set(
        key,
        [...ids].map((id) => latest.get(id)!),
      );
    file(profile);
  }
  return result;
}
