import { GOLDEN_FIELDS, GoldenField, GoldenValue } from './golden-fields';
import { SourceKey, STEWARD_SYSTEM, WDT_SYSTEM, sameSource } from './source-keys';

/**
 * Survivorship as data: per field, an ordered rule list applied to the candidate values (one per
 * source key, plus a steward override). Adding a source system means adding it to a priority list,
 * not reshaping events, because values are always tracked per `{system, key}`.
 */
export type SurvivorshipRule =
  | { readonly kind: 'override' }
  | { readonly kind: 'sourcePriority'; readonly systems: readonly string[] }
  | { readonly kind: 'primarySource' }
  | { readonly kind: 'mostRecent' };

export type RuleKind = SurvivorshipRule['kind'] | 'retirement';
export type SurvivorshipPolicy = Readonly<Record<GoldenField, readonly SurvivorshipRule[]>>;

export interface Candidate {
  readonly source: SourceKey;
  readonly value: GoldenValue;
  readonly observedAt: string;
}

export interface Resolved {
  readonly value: GoldenValue;
  readonly source: SourceKey;
  readonly rule: RuleKind;
}

export interface FieldOverride {
  readonly value: GoldenValue;
  readonly reason: string;
  readonly actor: string;
}

/**
 * Default: a steward override wins until removed; then the highest-priority system; then, within
 * a system (two WDT warehouses merged into one), the record's own primary source before the others;
 * then the most recently observed. Empty values only win when no source has a value.
 */
const SOURCE_RULES: readonly SurvivorshipRule[] = [
  { kind: 'sourcePriority', systems: [WDT_SYSTEM] },
  { kind: 'primarySource' },
  { kind: 'mostRecent' },
];
export const defaultSurvivorshipPolicy: SurvivorshipPolicy = Object.fromEntries(
  GOLDEN_FIELDS.map((field) => [field, field === 'warehouseNo' ? SOURCE_RULES : [{ kind: 'override' }, ...SOURCE_RULES]]),
) as SurvivorshipPolicy;

export interface ResolutionInput {
  readonly candidates: (field: GoldenField) => readonly Candidate[];
  readonly overrides: Partial<Record<GoldenField, FieldOverride>>;
  readonly primarySource: SourceKey | null;
}

export function resolveField(field: GoldenField, rules: readonly SurvivorshipRule[], input: ResolutionInput): Resolved | null {
  const override = input.overrides[field];
  if (override && rules.some((r) => r.kind === 'override')) {
    return { value: override.value, source: { system: STEWARD_SYSTEM, key: override.actor }, rule: 'override' };
  }
  const all = input.candidates(field);
  const withValue = all.filter((c) => c.value !== null && c.value !== '');
  let remaining = withValue.length > 0 ? withValue : all;
  if (remaining.length === 0) return null;
  const sourceRules = rules.filter((r) => r.kind !== 'override');
  for (const rule of sourceRules) {
    remaining = applyRule(rule, remaining, input.primarySource);
    if (remaining.length === 1) return { ...pick(remaining), rule: rule.kind };
  }
  return { ...pick(remaining), rule: sourceRules.at(-1)?.kind ?? 'mostRecent' };
}

export function resolveAll(policy: SurvivorshipPolicy, input: ResolutionInput): Partial<Record<GoldenField, Resolved>> {
  const resolved: Partial<Record<GoldenField, Resolved>> = {};
  for (const field of GOLDEN_FIELDS) {
    const result = resolveField(field, policy[field], input);
    if (result) resolved[field] = result;
  }
  return resolved;
}

function applyRule(rule: SurvivorshipRule, candidates: readonly Candidate[], primary: SourceKey | null): readonly Candidate[] {
  switch (rule.kind) {
    case 'override':
      return candidates;
    case 'sourcePriority': {
      const rank = (c: Candidate) => {
        const i = rule.systems.indexOf(c.source.system);
        return i < 0 ? rule.systems.length : i;
      };
      const best = Math.min(...candidates.map(rank));
      return candidates.filter((c) => rank(c) === best);
    }
    case 'primarySource': {
      const own = candidates.filter((c) => sameSource(c.source, primary));
      return own.length > 0 ? own : candidates;
    }
    case 'mostRecent': {
      const newest = candidates
        .map((c) => c.observedAt)
        .sort()
        .at(-1);
      return candidates.filter((c) => c.observedAt === newest);
    }
  }
}

/** Ties after the last rule (same system, same instant) break on the source key, so replays agree. */
function pick(candidates: readonly Candidate[]): Omit<Resolved, 'rule'> {
  const [first] = [...candidates].sort((a, b) => (a.source.key < b.source.key ? -1 : a.source.key > b.source.key ? 1 : 0));
  return { value: first!.value, source: first!.source };
}
