/**
 * Chinese phone numbers as people type them: `+86 138-0013-8000`, `（021）1234 5678`,
 * `0086 21 12345678`, `021-12345678转801`. Mobiles become 11 digits, landlines
 * `<area code>-<number>[-<extension>]`. Anything unrecognised is kept (cleaned) and flagged.
 */
import { toHalfWidth } from '../../shared/domain/text';

export type PhoneKind = 'mobile' | 'landline' | 'local' | 'invalid';

export interface NormalisedPhone {
  readonly value: string;
  readonly kind: PhoneKind;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** 010 and 02x are the three-digit area codes; every other one has four digits. */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/;
const LOCAL = /^[2-9]\d{6,7}$/;

export function normalisePhone(input: string | null | undefined): NormalisedPhone | null {
  if (input === null || input === undefined) return null;
  const text = toHalfWidth(input).trim();
  if (text === '') return null;
  const [main, extension] = splitExtension(text);
  const digits = stripCountryCode(main.replace(/[\s\-().]/g, ''));
  if (!/^\d+$/.test(digits)) return { value: text.replace(/\s+/g, ' '), kind: 'invalid' };
  if (MOBILE.test(digits) && extension === null) return { value: digits, kind: 'mobile' };
  const withTrunk = /^(10|2\d)\d{8}$/.test(digits) ? `0${digits}` : digits; // "+86 21 12345678" drops the 0
  const landline = LANDLINE.exec(withTrunk);
  const suffix = extension === null ? '' : `-${extension}`;
  if (landline) return { value: `${landline[1]}-${landline[2]}${suffix}`, kind: 'landline' };
  if (LOCAL.test(digits)) return { value: `${digits}${suffix}`, kind: 'local' };
  return { value: digits + suffix, kind: 'invalid' };
}

function splitExtension(text: string): [string, string | null] {
  const match = /^(.*?)(?:\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6}))$/iu.exec(text);
  if (match) return [match[1]!, match[2]!];
  // "021-12345678-801": a third dash-separated group after an area code and number
  const dashed = /^(\(?0\d{2,3}\)?[\s-]?\d{7,8})-(\d{1,6})$/.exec(text);
  if (dashed) return [dashed[1]!, dashed[2]!];
  return [text, null];
}

function stripCountryCode(digitsAndPlus: string): string {
  const withoutPlus = digitsAndPlus.replace(/^\+/, '');
  if (/^0086\d{9,}$/.test(withoutPlus)) return withoutPlus.slice(4);
  if (/^86\d{9,}$/.test(withoutPlus) && (digitsAndPlus.startsWith('+') || withoutPlus.length >= 12)) return withoutPlus.slice(2);
  return withoutPlus;
}
