import { createHash } from 'node:crypto';

/**
 * How a value's length is counted in the 企业版 sign string. Both official demo SDKs count characters
 * (PHP `iconv_strlen`, Java `String.length()`); some third-party clients count UTF-8 bytes. The two
 * agree for ASCII, so only non-ASCII values (Chinese names) tell them apart (docs/wdt-api.md).
 */
export type LengthUnit = 'characters' | 'bytes';

export type SignParams = Readonly<Record<string, string>>;

/** Byte-wise (ASCII) ascending key order, as PHP `ksort` / Java `Arrays.sort` give for ASCII keys. */
export function sortedKeys(params: SignParams, exclude: readonly string[] = []): string[] {
  return Object.keys(params)
    .filter((key) => !exclude.includes(key))
    .sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

export function measure(value: string, unit: LengthUnit): number {
  // Spread iterates code points, so a character outside the BMP counts once, like iconv_strlen.
  return unit === 'bytes' ? Buffer.byteLength(value, 'utf8') : [...value].length;
}

/**
 * The 企业版 sign string without the secret: `KK-key:VVVV-value` per param (every param except
 * `sign`), sorted by key and joined by `;` with no trailing `;`. `padStart` only sets a minimum
 * width, so a value longer than 9999 prints its real length, as `%04d` does.
 */
export function openapiSignBase(params: SignParams, unit: LengthUnit = 'characters'): string {
  return sortedKeys(params, ['sign'])
    .map((key) => {
      const value = params[key]!;
      const keyLength = String(measure(key, unit)).padStart(2, '0');
      const valueLength = String(measure(value, unit)).padStart(4, '0');
      return `${keyLength}-${key}:${valueLength}-${value}`;
    })
    .join(';');
}

/** `sign` for 企业版 (openapi2): lowercase hex md5 of the sign string followed by the appsecret (docs/wdt-api.md). */
export function signOpenapi(params: SignParams, appsecret: string, unit: LengthUnit = 'characters'): string {
  return createHash('md5')
    .update(openapiSignBase(params, unit) + appsecret, 'utf8')
    .digest('hex');
}
