import { closestField, isKnownForm, KNOWN_FORMS, lookupField, primaryKeyField } from './field-catalogue';
import type { FieldMapping, FieldType, MappingValue } from '../contracts/integration-scheme';
import { FieldValueError, typeFieldValue } from './field-value';
import { parseTemplate, templateVariables, TemplateSyntaxError } from './template';
import { isKnownVariable } from './template-variables';
import type { PathIssue } from './validate-dto';

const FIELD_KEY = /^F[A-Za-z0-9_]+$/;
const FIELD_TYPES: readonly FieldType[] = ['string', 'number', 'boolean', 'reference'];
/** Without these Kingdee rejects a new BD_STOCK, and the sink cannot find existing records (by number and org). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = { bd_stock: ['FNumber', 'FName', 'FUseOrgId', 'FCreateOrgId'] };
const REFERENCE_HINT = 'reference must be {FNumber: "…"}';

type Scalar = string | number | boolean | null;
interface Parsed {
  readonly value: Scalar;
  readonly type: FieldType;
  readonly referenceKey?: string;
}

/** Turns the YAML `mapping` into typed field mappings, collecting every problem instead of stopping at the first. */
export function compileMapping(formId: string, raw: Record<string, unknown>): { fields: FieldMapping[]; issues: PathIssue[] } {
  const fields: FieldMapping[] = [];
  const issues: PathIssue[] = [];
  const written = new Set<string>();
  const knownForm = isKnownForm(formId);
  if (!knownForm)
    issues.push({
      path: ['target', 'formId'],
      message: `unknown Kingdee form "${formId}" (this hub can write: ${KNOWN_FORMS.join(', ')})`,
    });
  for (const [writtenKey, entry] of Object.entries(raw)) {
    const fail = (message: string, ...sub: string[]) => issues.push({ path: ['mapping', writtenKey, ...sub], message });
    const key = lookupField(formId, writtenKey)?.key ?? writtenKey;
    written.add(key.toLowerCase());
    if (!FIELD_KEY.test(writtenKey)) fail('is not a Kingdee field key (like FName or FStockProperty)');
    else if (knownForm && !lookupField(formId, writtenKey))
      issues.push({ path: ['mapping', writtenKey], message: unknownFieldMessage(formId, writtenKey), atKey: true });
    else if (key.toLowerCase() === primaryKeyField(formId).toLowerCase())
      fail(`is set by the sink (0 to create, the existing id to update); remove it`);
    else if (fields.some((f) => f.key === key)) fail(`maps ${key} a second time`);
    else {
      const parsed = parseEntry(formId, key, entry, fail);
      const value = parsed && toMappingValue(parsed, fail);
      if (parsed && value) fields.push({ key, writtenKey, type: parsed.type, referenceKey: parsed.referenceKey, value });
    }
  }
  for (const required of REQUIRED[formId.toLowerCase()] ?? []) {
    if (!written.has(required.toLowerCase())) issues.push({ path: ['mapping'], message: `${required} is required` });
  }
  return { fields, issues };
}

function parseEntry(formId: string, key: string, entry: unknown, fail: (m: string, ...sub: string[]) => void): Parsed | undefined {
  const catalogueType = lookupField(formId, key)?.type;
  if (isScalar(entry)) {
    if (catalogueType === 'reference') return void fail(REFERENCE_HINT);
    return { value: entry, type: catalogueType ?? inferType(entry) };
  }
  if (typeof entry !== 'object' || Array.isArray(entry))
    return void fail(catalogueType === 'reference' ? REFERENCE_HINT : 'must be a template, a constant or {FNumber: "…"}');
  const object = entry as Record<string, unknown>;
  if ('value' in object || 'type' in object) return parseExplicit(object, fail);
  const keys = Object.keys(object);
  const [refKey] = keys;
  if (keys.length !== 1 || refKey === undefined || !FIELD_KEY.test(refKey) || !isScalar(object[refKey])) return void fail(REFERENCE_HINT);
  if (catalogueType !== undefined && catalogueType !== 'reference') return void fail(`${key} is a ${catalogueType} field, not a reference`);
  return { value: object[refKey] as Scalar, type: 'reference', referenceKey: refKey };
}

/** `{value: 1, type: number}`: states the type where the catalogue has none or is wrong for a tenant. */
function parseExplicit(object: Record<string, unknown>, fail: (m: string, ...sub: string[]) => void): Parsed | undefined {
  const extra = Object.keys(object).filter((k) => k !== 'value' && k !== 'type');
  if (extra.length > 0) return void fail('is not a known setting (use value and type)', extra[0]!);
  if (!FIELD_TYPES.includes(object.type as FieldType)) return void fail(`must be one of ${FIELD_TYPES.join(', ')}`, 'type');
  if (!isScalar(object.value)) return void fail('must be a template or a constant', 'value');
  const type = object.type as FieldType;
  return { value: object.value, type, referenceKey: type === 'reference' ? 'FNumber' : undefined };
}

function toMappingValue(parsed: Parsed, fail: (m: string, ...sub: string[]) => void): MappingValue | undefined {
  const sub = parsed.referenceKey && parsed.type === 'reference' ? [parsed.referenceKey] : [];
  if (typeof parsed.value === 'string' && parsed.value.includes('{{')) {
    try {
      const template = parseTemplate(parsed.value);
      const unknown = templateVariables(template).filter((v) => !isKnownVariable(v));
      if (unknown.length > 0)
        return void fail(
          `unknown template variable {{${unknown[0]}}} (golden-record fields such as name, warehouse_no, address, or WDT fields)`,
          ...sub,
        );
      return { kind: 'template', template };
    } catch (error) {
      if (error instanceof TemplateSyntaxError) return void fail(error.message, ...sub);
      throw error;
    }
  }
  try {
    typeFieldValue(parsed.value, parsed.type, parsed.referenceKey);
    return { kind: 'constant', value: parsed.value };
  } catch (error) {
    if (error instanceof FieldValueError) return void fail(error.message, ...sub);
    throw error;
  }
}

const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const inferType = (v: Scalar): FieldType => (typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string');

function unknownFieldMessage(formId: string, key: string): string {
  const suggestion = closestField(formId, key);
  return `is not a field of ${formId.toUpperCase()}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
}
