/** The schemes feature's public surface (docs/architecture.md). */
export type {
  IntegrationScheme,
  SchemeSource,
  SourceFilter,
  SchemeTarget,
  BatchSaveOptions,
  UpdatePolicy,
  FieldMapping,
  MappingValue,
  FieldType,
  KingdeeValue,
  KingdeeModel,
  Template,
} from '../contracts/integration-scheme';
export { loadSchemeFile, parseScheme } from './scheme-loader';
export { SchemeValidationError, SchemeRenderError, formatIssue, type SchemeIssue } from './scheme-errors';
export {
  renderBatchSaveBodies,
  renderBatchSaveBody,
  type BatchSaveBody,
  type BatchSaveData,
  type ExistingStock,
  type RenderedBatch,
  type RenderedBatches,
  type RenderedEntry,
} from './render-batch-save';
export { renderModel } from './render-model';
export { matchKeys, type MatchKey } from './match-keys';
export { applySourceFilter, sourceFilterRejection } from './source-filter';
export { BD_STOCK_FIELDS, lookupField, primaryKeyField, type FieldSpec } from './field-catalogue';
export { parseTemplate, renderTemplate, templateVariables } from './template';
export { isKnownVariable, knownVariableNames, resolveVariable, WDT_WAREHOUSE_FIELDS } from './template-variables';
