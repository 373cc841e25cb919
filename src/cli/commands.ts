import type { ParsedArgs } from './args';

/** An option a command accepts: `--name VALUE` when `value` names the value, else a switch. */
export interface FlagSpec {
  readonly name: string;
  /** Placeholder of the value (`N`, `FILE`); absent for a switch such as `--json`. */
  readonly value?: string;
  readonly description: string;
  /** May be given more than once (`--id A --id B`). */
  readonly repeatable?: boolean;
}

/** A positional argument, in order. */
export interface ArgSpec {
  readonly name: string;
  readonly required?: boolean;
  /** Takes every remaining positional argument. */
  readonly repeatable?: boolean;
}

/**
 * A CLI command: `mdm <path…> [args] [options]`. It declares what it accepts, so `mdm <command> --help`,
 * the global usage and the rejection of unknown options come from one place. Returns the exit code.
 */
export interface CliCommand {
  readonly path: readonly string[];
  /** One line for the global usage. */
  readonly summary: string;
  readonly args?: readonly ArgSpec[];
  readonly flags?: readonly FlagSpec[];
  /** Replaces the generated `ARG [--flag VALUE]…` synopsis when arguments and options combine in a way worth showing. */
  readonly synopsis?: string;
  /** Further paragraphs for `--help`. */
  readonly details?: string;
  run(args: ParsedArgs): Promise<number | void>;
}

/** A failure the command reports as one `mdm: …` line on stderr, exit 1. */
export class CliError extends Error {
  readonly exitCode: number = 1;
}

/** The command line itself is wrong (unknown command or option, missing argument): exit 2. */
export class UsageError extends CliError {
  override readonly exitCode = 2;
}
