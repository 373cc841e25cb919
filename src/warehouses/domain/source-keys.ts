/**
 * Where a value came from. `system` names a source system instance (`wdt`, later `wdt:shop-2` or
 * `kingdee`), `key` its own identifier for the warehouse (the warehouse_no for WDT). Stewards are a
 * source too: `{system: 'steward', key: <actor>}`.
 */
export interface SourceKey {
  readonly system: string;
  readonly key: string;
}

export const WDT_SYSTEM = 'wdt';
export const STEWARD_SYSTEM = 'steward';

/** Map key for per-source state: JSON keeps any characters in `system` or `key` unambiguous. */
export function sourceId(source: SourceKey): string {
  return JSON.stringify([source.system, source.key]);
}

export function sameSource(a: SourceKey | null | undefined, b: SourceKey | null | undefined): boolean {
  return !!a && !!b && a.system === b.system && a.key === b.key;
}
