import { FieldValue, HistoryEvent } from '../api/types';

export interface SourceValues {
  readonly system: string;
  readonly key: string;
  readonly values: Readonly<Record<string, FieldValue>>;
}

/**
 * What the source currently says for each field, read from the newest WDT observation in the
 * record's history (its `normalised` values use the golden field names). Prefers the record's own
 * source key (its warehouse number) over sources merged into it. Null before any observation.
 */
export function latestSourceValues(history: readonly HistoryEvent[] | null | undefined, ownKey: string | null): SourceValues | null {
  const observations = (history ?? [])
    .filter((e) => e.type === 'WarehouseObservedInWdt' && typeof e.data.normalised === 'object' && e.data.normalised !== null)
    .sort((a, b) => b.version - a.version);
  const keyOf = (e: HistoryEvent) => (e.data.source as { key?: string } | undefined)?.key ?? String(e.data.warehouseNo ?? '');
  const chosen = observations.find((e) => keyOf(e) === ownKey) ?? observations[0];
  if (!chosen) return null;
  const source = (chosen.data.source ?? {}) as { system?: string };
  return { system: source.system ?? 'wdt', key: keyOf(chosen), values: chosen.data.normalised as Record<string, FieldValue> };
}
