import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { FieldValueError, typeFieldValue } from './field-value';
import type { FieldMapping, IntegrationScheme, KingdeeModel, KingdeeValue } from '../contracts/integration-scheme';
import { SchemeRenderError } from './scheme-errors';
import { renderTemplate } from './template';
import { resolveVariable, UnknownVariableError } from './template-variables';

/** The mapped fields of one golden record, typed, in scheme order (without the primary key). */
export function renderModel(scheme: IntegrationScheme, message: GoldenRecordChangedV1): KingdeeModel {
  const model: KingdeeModel = {};
  for (const field of scheme.mapping) model[field.key] = renderField(field, message);
  return model;
}

function renderField(field: FieldMapping, message: GoldenRecordChangedV1): KingdeeValue {
  try {
    const raw =
      field.value.kind === 'constant' ? field.value.value : renderTemplate(field.value.template, (name) => resolveVariable(name, message));
    return typeFieldValue(raw, field.type, field.referenceKey);
  } catch (error) {
    if (error instanceof FieldValueError || error instanceof UnknownVariableError) {
      throw new SchemeRenderError(message.goldenId, message.version, field.key, error.message);
    }
    throw error;
  }
}
