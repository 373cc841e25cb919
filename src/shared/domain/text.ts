/**
 * Text normalisation for Chinese master data. WDT users type codes, phone numbers and addresses
 * with full-width characters (Ａ１２, （, －, U+3000) as often as half-width ones; two spellings
 * of the same value must compare equal, so match keys, codes and search text fold everything in the
 * printable ASCII range to half-width. CJK characters themselves are left alone (full NFKC would
 * also rewrite ㈱, ①, …). Values people read (names, addresses, remarks, reasons) are not folded:
 * they keep what the source or the steward typed (`typedText`).
 */
const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

export function toHalfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - FULL_TO_HALF_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += char;
  }
  return out;
}

/**
 * A value as typed, tidied: trimmed, inner whitespace (the ideographic space too) collapsed to one
 * space; empty → null. Full-width characters stay: `北京大兴顺丰仓（主）Ａ１` is stored, published
 * and written to Kingdee exactly so.
 */
export function typedText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const tidied = value.replace(/\s+/gu, ' ').trim();
  return tidied === '' ? null : tidied;
}

/**
 * Half-width, trimmed, inner whitespace collapsed to one space; empty → null. For codes, reference
 * data looked up by name (province, phone, zip) and comparison, not for values people typed to be read.
 */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = toHalfWidth(value).replace(/\s+/gu, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * The form used to compare names and addresses: cleaned, lower-case, with whitespace and
 * punctuation removed (`上海 浦东-仓` and `上海浦东仓` are the same text for matching).
 */
export function compactForMatching(value: string | null | undefined): string {
  const cleaned = cleanText(value);
  if (cleaned === null) return '';
  return cleaned.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
