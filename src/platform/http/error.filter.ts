import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { AppConfig, configuredSecrets } from '../../config/config';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { SecretScrubber } from '../../shared/secrets/secret-scrubber';
import { APP_CONFIG } from '../tokens';
import { LOGGER, Logger } from '../logging/logging.module';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  concurrency_conflict: 409,
  invalid_state: 409,
  unsupported_media_type: 415,
  read_models_behind: 503,
  version_mismatch: 412,
  upstream_error: 502,
  internal_error: 500,
};

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'version_mismatch',
  415: 'unsupported_media_type',
};

/** The one place errors become HTTP: `{error: {code, message, details?}}` with a stable code. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly scrubber: SecretScrubber;

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.scrubber = new SecretScrubber(configuredSecrets(config));
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      status(code: number): { json(body: unknown): void };
      setHeader(name: string, value: string): void;
    }>();
    const { status, body } = this.toHttp(error);
    if (error instanceof DomainError && error.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (status >= 500 && status !== 503) this.logger.error({ err: error }, 'request failed');
    // Messages may quote an upstream answer or a library's text: what leaves the hub is scrubbed.
    const clean = this.scrubber.empty ? body : (JSON.parse(this.scrubber.scrub(JSON.stringify(body))) as typeof body);
    response.status(status).json({ error: clean });
  }

  private toHttp(error: unknown): { status: number; body: { code: string; message: string; details?: unknown } } {
    if (error instanceof DomainError) {
      return {
        status: STATUS[error.code] ?? 500,
        body: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const res = error.getResponse() as { message?: unknown } | string;
      const message =
        typeof res === 'string' ? res : Array.isArray(res.message) ? res.message.join('; ') : String(res.message ?? error.message);
      return { status, body: { code: HTTP_CODES[status] ?? (status >= 500 ? ErrorCode.internal : `http_${status}`), message } };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { code: ErrorCode.internal, message: 'internal error' } };
  }
}
