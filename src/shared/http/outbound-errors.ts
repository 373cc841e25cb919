/** Helpers for describing failed outbound HTTP calls (WDT, Kingdee) without leaking URLs' paths or queries. */

/** The scheme, host and port of a URL: enough to say where, never a path or query that may carry credentials. */
export function urlOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured URL';
  }
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET…) in `cause`. */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
