import { WdtFailure } from './classify-failure';

/** What a variant's reply envelope said: rows and total, a business failure, or nonsense. */
export type Envelope =
  | { readonly kind: 'ok'; readonly rows: readonly unknown[]; readonly totalCount: unknown }
  | { readonly kind: 'failure'; readonly failure: WdtFailure }
  | { readonly kind: 'malformed'; readonly problem: string };

/**
 * The parts in which 企业版 (openapi2) and 企业奇门 differ: where to send, how to sign, how the reply is
 * wrapped. Everything else (transport, retries, paging, decoding) is shared by the client.
 */
export interface WdtProtocol {
  readonly variant: 'openapi' | 'qimen';
  /** Secrets this protocol signs with: scrubbed from every error message. */
  readonly secrets: readonly string[];
  /** The settings to check when WDT rejects the credentials, named as the operator sets them. */
  readonly credentialHint: string;
  readonly url: string;
  /** Signed form fields for one call: system params, the business params and `sign`. */
  signedForm(business: Readonly<Record<string, string>>, now: Date): URLSearchParams;
  readEnvelope(body: unknown): Envelope;
}

export function asCode(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return value.trim();
  return undefined;
}

export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Reads the `warehouses` list: absent on an empty success is tolerated, anything but an array is not. */
export function listOf(payload: Record<string, unknown>, totalCount: unknown): Envelope {
  const rows = payload.warehouses;
  if (rows === undefined || rows === null) return { kind: 'ok', rows: [], totalCount };
  if (!Array.isArray(rows)) return { kind: 'malformed', problem: '"warehouses" is not a list' };
  return { kind: 'ok', rows, totalCount };
}
