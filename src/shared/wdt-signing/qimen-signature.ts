import { createHash, createHmac } from 'node:crypto';
import { SignParams, sortedKeys } from './openapi-signature';

export type QimenSignMethod = 'md5' | 'hmac' | 'hmac-sha256';
export const QIMEN_SIGN_METHODS: readonly QimenSignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

/** TOP sign string: every param except `sign`, sorted by key, `key1value1key2value2…` with no separators. */
export function qimenSignBase(params: SignParams): string {
  return sortedKeys(params, ['sign'])
    .map((key) => key + params[key]!)
    .join('');
}

/**
 * `sign` for 企业奇门 / TOP (docs/wdt-api.md), uppercase hex. `md5` wraps the sign string in the caller's own
 * Qimen secret (not WDT's); the hmac variants key the digest with it and do no wrapping.
 */
export function signQimen(params: SignParams, secret: string, method: QimenSignMethod = 'md5'): string {
  const base = qimenSignBase(params);
  const digest =
    method === 'md5'
      ? createHash('md5').update(secret + base + secret, 'utf8')
      : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret).update(base, 'utf8');
  return digest.digest('hex').toUpperCase();
}
