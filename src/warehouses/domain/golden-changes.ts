import { GoldenFieldChange } from './events';
import { GOLDEN_FIELDS, GoldenField, GoldenValues, sameValue } from './golden-fields';
import { SourceKey, sameSource } from './source-keys';
import { SourceRecord, WarehouseState } from './state';
import { Candidate, FieldOverride, Resolved, SurvivorshipPolicy, resolveAll } from './survivorship';

/** The starting point a new record's first changes apply to. */
export const EMPTY_GOLDEN: GoldenValues = {
  warehouseNo: '',
  name: '',
  typeCode: null,
  status: 'active',
  isDefect: false,
  province: null,
  city: null,
  district: null,
  address: null,
  contact: null,
  telno: null,
  mobile: null,
  zip: null,
  remark: null,
  extWarehouseNo: null,
  coordinates: null,
};

export function applyGoldenChanges(state: WarehouseState, changes: readonly GoldenFieldChange[]): WarehouseState {
  if (changes.length === 0) return state;
  const golden: Record<string, unknown> = { ...(state.golden ?? EMPTY_GOLDEN) };
  const lineage = { ...state.lineage };
  for (const change of changes) {
    golden[change.field] = change.new;
    lineage[change.field] = { source: change.source, rule: change.rule };
  }
  return { ...state, golden: golden as unknown as GoldenValues, lineage };
}

export interface SurvivorshipInput {
  readonly sources: Readonly<Record<string, SourceRecord>>;
  readonly overrides: Readonly<Partial<Record<GoldenField, FieldOverride>>>;
  readonly primarySource: SourceKey | null;
}

/**
 * Re-runs survivorship over the given sources and overrides and returns every field whose value or
 * source differs from the record as it is: the facts an event records. A different rule reaching
 * the same value from the same source (a second source arrived) is not news, so lineage keeps the
 * rule that decided when the value was set.
 */
export function goldenChangesFor(state: WarehouseState, input: SurvivorshipInput, policy: SurvivorshipPolicy): GoldenFieldChange[] {
  const sources = Object.values(input.sources);
  const candidates = (field: GoldenField): Candidate[] =>
    sources.map((s) => ({ source: s.source, value: s.normalised[field], observedAt: s.lastObservedAt }));
  const resolved = resolveAll(policy, { candidates, overrides: input.overrides, primarySource: input.primarySource });
  return GOLDEN_FIELDS.flatMap((field) => {
    const next = resolved[field];
    return next && differs(state, field, next) ? [changeOf(state, field, next)] : [];
  });
}

function differs(state: WarehouseState, field: GoldenField, next: Resolved): boolean {
  const lineage = state.lineage[field];
  if (!state.golden || !lineage) return true;
  return !sameValue(state.golden[field], next.value) || !sameSource(lineage.source, next.source);
}

function changeOf(state: WarehouseState, field: GoldenField, next: Resolved): GoldenFieldChange {
  return { field, old: state.golden ? state.golden[field] : null, new: next.value, source: next.source, rule: next.rule };
}

/** Only real value changes make a new published version; provenance-only changes don't. */
export const valueChanged = (change: GoldenFieldChange): boolean => !sameValue(change.old, change.new);
