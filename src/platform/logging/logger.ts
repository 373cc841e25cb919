import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { SCRUBBED, SecretScrubber } from '../../shared/secrets/secret-scrubber';

/**
 * Structured JSON logs (pino). Every configured secret is scrubbed from every line before it is
 * written, whatever field it hides in, so a secret echoed by a library or an error never leaks.
 */
export function createLogger(options: { level: string; secrets: readonly string[]; destination?: pino.DestinationStream }): Logger {
  const scrubber = new SecretScrubber(options.secrets);
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: options.level,
      base: { service: 'mdm-hub' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['password', 'appsecret', 'appSecret', '*.password', '*.appsecret', '*.appSecret', 'authorization', '*.authorization'],
        censor: SCRUBBED,
      },
    },
    // pino has JSON-escaped the line: the scrubber knows that form of each secret too.
    { write: (line: string) => destination.write(scrubber.scrub(line)) },
  );
}

/** Lets NestJS's own messages go through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
