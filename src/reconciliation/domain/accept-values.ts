import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { GOLDEN_FIELD_CATALOGUE, GOLDEN_RECORD_FIELDS, type DecidedGoldenField } from '../../contracts/golden-field-catalogue';
import type { DriftFinding } from './findings';

export interface AcceptedValue {
  readonly field: DecidedGoldenField;
  readonly value: unknown;
}

export class NotAcceptableError extends Error {
  override readonly name = 'NotAcceptableError';
}

/**
 * Accepting Kingdee's value means a steward override of the golden field the Kingdee field is
 * rendered from. That is only defined when the mapping is exactly one golden variable
 * (`FName: "{{name}}"`); a constant, a composed template or a status cannot be taken back.
 */
export function acceptedValues(scheme: IntegrationScheme, drift: readonly Pick<DriftFinding, 'field' | 'kingdee'>[]): AcceptedValue[] {
  return drift.map(({ field, kingdee }) => {
    const mapping = scheme.mapping.find((m) => m.key === field);
    const parts = mapping?.value.kind === 'template' ? mapping.value.template.parts : [];
    const only = parts.length === 1 && parts[0]!.kind === 'var' ? parts[0]!.name : undefined;
    // A decided field read by exactly that one variable (not coordinates, read as two).
    const golden = GOLDEN_RECORD_FIELDS.find(
      (g): g is DecidedGoldenField => GOLDEN_FIELD_CATALOGUE[g].decided && GOLDEN_FIELD_CATALOGUE[g].variables.join() === only,
    );
    if (!golden)
      throw new NotAcceptableError(
        `Kingdee's ${field} cannot become a golden value: the scheme does not render it from one golden field; push the golden value instead`,
      );
    return { field: golden, value: kingdee };
  });
}
