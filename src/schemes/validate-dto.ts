import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { SchemeDto } from './scheme.dto';

export interface PathIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** Point at the key rather than the value (for keys that should not be there). */
  readonly atKey?: boolean;
}

/** Checks the scheme's fixed structure; the open-ended `mapping` is left to compileMapping. */
export function validateSchemeShape(plain: unknown): { dto: SchemeDto; issues: PathIssue[] } {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return {
      dto: new SchemeDto(),
      issues: [{ path: [], message: 'a scheme must be a YAML map (name, version, source, target, mapping)' }],
    };
  }
  const dto = plainToInstance(SchemeDto, plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  return { dto, issues: errors.flatMap((e) => flatten(e, [])) };
}

function flatten(error: ValidationError, parent: readonly (string | number)[]): PathIssue[] {
  const path = [...parent, error.property];
  const own = Object.entries(error.constraints ?? {}).map(([name, message]) =>
    name === 'whitelistValidation' ? { path, message: 'is not a known setting (check the spelling)', atKey: true } : { path, message },
  );
  // A failed type check on an object makes its children's errors noise; report the first only.
  return [...own.slice(0, 1), ...(error.children ?? []).flatMap((c) => flatten(c, path))];
}
