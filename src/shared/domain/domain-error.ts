/** Stable error codes: part of the REST contract (`{error: {code, message}}`). */
export const ErrorCode = {
  validation: 'validation_failed',
  notFound: 'not_found',
  conflict: 'conflict',
  concurrency: 'concurrency_conflict',
  versionMismatch: 'version_mismatch',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  invalidState: 'invalid_state',
  unsupportedMediaType: 'unsupported_media_type',
  readModelsBehind: 'read_models_behind',
  upstream: 'upstream_error',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds after which a retry may succeed (sent as `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
