import { ParsedArgs } from './args';

/** A CLI command: `mdm <path…> [options]`. Returns the exit code. */
export interface CliCommand {
  readonly path: readonly string[];
  readonly usage: string;
  run(args: ParsedArgs): Promise<number | void>;
}

export class CliError extends Error {}
