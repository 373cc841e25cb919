import type { GoldenWarehouseRecord } from '../contracts/golden-record-changed.v1';
import type { IntegrationScheme } from '../contracts/integration-scheme';

/** Why the scheme's source filter keeps `record` out of the target, or undefined when it passes. */
export function sourceFilterRejection(scheme: IntegrationScheme, record: GoldenWarehouseRecord): string | undefined {
  const { status, typeCodes, isDefect } = scheme.source.filter;
  if (status && !status.includes(record.status)) return `status ${record.status} is not in [${status.join(', ')}]`;
  if (typeCodes && (record.typeCode === null || !typeCodes.includes(record.typeCode))) {
    return `warehouse type ${record.typeCode ?? '(none)'} is not in [${typeCodes.join(', ')}]`;
  }
  if (isDefect !== undefined && record.isDefect !== isDefect) return `isDefect is ${record.isDefect}, the scheme wants ${isDefect}`;
  return undefined;
}

/** True when the scheme sends `record` to the target. */
export function applySourceFilter(scheme: IntegrationScheme, record: GoldenWarehouseRecord): boolean {
  return sourceFilterRejection(scheme, record) === undefined;
}
