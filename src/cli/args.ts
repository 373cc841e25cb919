import type { FlagSpec } from './commands';
import { UsageError } from './commands';

/** `mdm sync wdt --limit 5 --all` → positional ['sync', 'wdt'], options {limit: '5', all: true}. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string | true | readonly string[]>>;
}

/**
 * Parses against the command's declared options: a switch never swallows the next word, an option
 * with a value requires one, and an option the command does not declare is a usage error.
 * Without `flags` (tests, helpers) every `--name` is accepted and takes the next word unless it is an option.
 */
export function parseArgs(argv: readonly string[], flags?: readonly FlagSpec[], commandName = 'this command'): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${arg} for ${commandName} (see ${commandName} --help)`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const spec = flags?.find((f) => f.name === name);
    if (flags && !spec) throw new UsageError(`unknown option --${name} for ${commandName} (see ${commandName} --help)`);
    const next = argv[i + 1];
    let value: string | true;
    if (spec && !spec.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      value = true;
    } else if (inline !== undefined) value = inline;
    else if (next !== undefined && !next.startsWith('--')) value = (i++, next);
    else if (spec) throw new UsageError(`--${name} needs a value: --${name} ${spec.value}`);
    else value = true;
    const prior = options[name];
    if (prior !== undefined && spec && !spec.repeatable) throw new UsageError(`--${name} is given more than once`);
    options[name] = prior === undefined || prior === true || value === true ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.at(-1) : undefined;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.options[name];
  return Array.isArray(value) ? [...value] : typeof value === 'string' ? [value] : [];
}

export function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}
