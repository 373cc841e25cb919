import { DomainError, ErrorCode } from '../shared/domain/domain-error';

export interface SchemeIssue {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Dotted path of the setting, e.g. `mapping.FUseOrgId`; empty for YAML syntax errors. */
  readonly path: string;
  readonly message: string;
}

export const formatIssue = (i: SchemeIssue): string => `${i.file}:${i.line}:${i.col} ${i.path ? `${i.path}: ` : ''}${i.message}`;

/** A scheme file that cannot be used; the message lists every problem, one `file:line:col path: …` per line. */
export class SchemeValidationError extends DomainError {
  constructor(
    readonly file: string,
    readonly issues: readonly SchemeIssue[],
  ) {
    super(ErrorCode.validation, `invalid scheme ${file}:\n${issues.map(formatIssue).join('\n')}`, { issues });
    this.name = 'SchemeValidationError';
  }
}

/** A golden record the scheme cannot turn into a Model entry: permanent for that record version. */
export class SchemeRenderError extends DomainError {
  constructor(
    readonly goldenId: string,
    readonly version: number,
    readonly field: string,
    reason: string,
  ) {
    super(ErrorCode.validation, `cannot map golden record ${goldenId} v${version}: mapping.${field}: ${reason}`, {
      goldenId,
      version,
      field,
    });
    this.name = 'SchemeRenderError';
  }
}
