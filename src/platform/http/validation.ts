import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';

/** class-validator at the edge: unknown fields rejected, each problem named by its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const details = flatten(errors);
      return new DomainError(ErrorCode.validation, details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
