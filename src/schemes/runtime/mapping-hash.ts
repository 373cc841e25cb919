import { createHash } from 'node:crypto';
import type { IntegrationScheme } from '../../contracts/integration-scheme';

/**
 * A fingerprint of what a scheme sends: source filter, target options and every mapped field (key,
 * type, value or template text). Comments, description and the file path don't count, so only a
 * change that alters BatchSave bodies is recorded as a mapping change.
 */
export function mappingHash(scheme: IntegrationScheme): string {
  const canonical = {
    filter: scheme.source.filter,
    target: scheme.target,
    mapping: scheme.mapping.map((f) => ({
      key: f.key,
      type: f.type,
      referenceKey: f.referenceKey ?? null,
      value: f.value.kind === 'constant' ? { constant: f.value.value } : { template: f.value.template.source },
    })),
  };
  return createHash('sha256').update(stableJson(canonical)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
