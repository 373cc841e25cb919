import type { IntegrationScheme } from '../../schemes/scheme';
import { GOLDEN_FIELDS, type GoldenField } from '../../warehouses/domain/golden-fields';
import type { DriftFinding } from './findings';

export interface AcceptedValue {
  readonly field: GoldenField;
  readonly value: unknown;
}

export class NotAcceptableError extends Error {
  override readonly name = 'NotAcceptableError';
}

const camel = (snake: string): string => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Accepting Kingdee's value means a steward override of the golden field the Kingdee field is
 * rendered from. That is only defined when the mapping is exactly one golden variable
 * (`FName: "{{name}}"`); a constant, a composed template or a status cannot be taken back.
 */
export function acceptedValues(scheme: IntegrationScheme, drift: readonly Pick<DriftFinding, 'field' | 'kingdee'>[]): AcceptedValue[] {
  return drift.map(({ field, kingdee }) => {
    const mapping = scheme.mapping.find((m) => m.key === field);
    const parts = mapping?.value.kind === 'template' ? mapping.value.template.parts : [];
    const only = parts.length === 1 && parts[0]!.kind === 'var' ? camel(parts[0]!.name) : undefined;
    const golden = GOLDEN_FIELDS.find((g) => g === only);
    if (!golden)
      throw new NotAcceptableError(
        `Kingdee's ${field} cannot become a golden value: the scheme does not render it from one golden field; push the golden value instead`,
      );
    return { field: golden, value: kingdee };
  });
}
