import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { GoldenField, GoldenValue, OVERRIDABLE_FIELDS, isOverridableField } from './golden-fields';
import { normalisePhone } from './phone';
import { findProvince } from './regions';
import { cleanText, typedText } from '../../shared/domain/text';
import { isKnownWarehouseType } from './warehouse-types';

/** Field-level validation detail, as the REST API returns it. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.validation, `${field}: ${message}`, [{ field, message } satisfies FieldProblem]);
}

export function requireOverridableField(field: string): GoldenField {
  if (!isOverridableField(field)) throw invalid('field', `unknown or read-only field "${field}"; one of ${OVERRIDABLE_FIELDS.join(', ')}`);
  return field;
}

/**
 * Validates a steward's value and tidies it as a source value would be: text the steward typed to
 * be read (name, address, contact, remark) is kept as typed, trimmed and with whitespace
 * collapsed; codes and region values (extWarehouseNo, 省/市/区, phones, zip) are normalised as the
 * source's are, so an override compares equal to the source value it matches. `null` clears optional fields.
 */
export function parseOverrideValue(field: GoldenField, value: unknown): GoldenValue {
  if (value === undefined) throw invalid('value', 'is required (use null to clear an optional field)');
  switch (field) {
    case 'name':
      return requiredText(value, 100);
    case 'typeCode':
      if (typeof value !== 'number' || !Number.isInteger(value) || !isKnownWarehouseType(value))
        throw invalid('value', 'must be a WDT 仓库类型 code (1 普通仓库 … 127 其它)');
      return value;
    case 'status':
      if (value !== 'active' && value !== 'disabled')
        throw invalid('value', 'must be "active" or "disabled" (retire a record instead of overriding it)');
      return value;
    case 'isDefect':
      if (typeof value !== 'boolean') throw invalid('value', 'must be true or false');
      return value;
    case 'province':
      return province(value);
    case 'telno':
    case 'mobile':
      return phone(field, value);
    case 'zip':
      return zip(value);
    case 'coordinates':
      return coordinates(value);
    case 'extWarehouseNo':
    case 'city':
    case 'district':
      return optionalText(value, 255, cleanText);
    default:
      return optionalText(value, 255, typedText);
  }
}

function requiredText(value: unknown, max: number): string {
  const text = optionalText(value, max, typedText);
  if (text === null) throw invalid('value', 'must not be empty');
  return text;
}

function optionalText(value: unknown, max: number, tidy: (text: string) => string | null = cleanText): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw invalid('value', 'must be a string or null');
  const text = tidy(value);
  if (text !== null && [...text].length > max) throw invalid('value', `must be at most ${max} characters`);
  return text;
}

function province(value: unknown): string | null {
  const text = optionalText(value, 20);
  if (text === null) return null;
  const known = findProvince(text);
  if (!known) throw invalid('value', `"${text}" is not a provincial-level division (e.g. 上海市, 广东省)`);
  return known.name;
}

function phone(field: 'telno' | 'mobile', value: unknown): string | null {
  const text = optionalText(value, 40);
  const parsed = normalisePhone(text);
  if (parsed === null) return null;
  if (field === 'mobile' && parsed.kind !== 'mobile') throw invalid('value', `"${text}" is not an 11-digit mobile number`);
  if (field === 'telno' && parsed.kind === 'invalid') throw invalid('value', `"${text}" is not a phone number`);
  return parsed.value;
}

function zip(value: unknown): string | null {
  const text = optionalText(value, 6);
  if (text !== null && !/^\d{6}$/.test(text)) throw invalid('value', '邮编 must be six digits');
  return text;
}

function coordinates(value: unknown): GoldenValue {
  if (value === null) return null;
  const { x, y } = (typeof value === 'object' ? value : {}) as { x?: unknown; y?: unknown };
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    throw invalid('value', 'must be {"x": number, "y": number} or null');
  return { x, y };
}
