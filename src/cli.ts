import 'reflect-metadata';
import { parseArgs } from './cli/args';
import { CliCommand, CliError, UsageError } from './cli/commands';
import { commandHelp, globalUsage } from './cli/help';
import { reconcileCommand } from './cli/reconcile.command';
import { adminRebaseXidsCommand } from './cli/admin.command';
import { processorSkipCommand } from './cli/processor.command';
import { replayCommand } from './cli/replay.command';
import { resyncCommand } from './cli/resync.command';
import { schemePreviewCommand, schemeValidateCommand } from './cli/scheme.command';
import { simKingdeeCommand, simWdtCommand } from './cli/sim.command';
import { startCommand } from './cli/start.command';
import { statusCommand } from './cli/status.command';
import { syncCommand } from './cli/sync.command';

/** Every `mdm` command; a feature adds its command object here (its usage and options live on the object). */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  syncCommand,
  replayCommand,
  resyncCommand,
  reconcileCommand,
  statusCommand,
  processorSkipCommand,
  adminRebaseXidsCommand,
  schemeValidateCommand,
  schemePreviewCommand,
  simWdtCommand,
  simKingdeeCommand,
];

const isHelp = (arg: string | undefined): boolean => arg === '--help' || arg === '-h';

/** Runs one command line. Usage mistakes and command failures throw CliError (see `main`). */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  const words = firstOption < 0 ? argv : argv.slice(0, firstOption);
  const command = [...commands].sort((a, b) => b.path.length - a.path.length).find((c) => c.path.every((word, i) => words[i] === word));
  if (!command) return noCommand(argv, words, commands);
  const rest = argv.slice(command.path.length);
  if (rest.some(isHelp)) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const label = `mdm ${command.path.join(' ')}`;
  const args = parseArgs(rest, command.flags ?? [], label);
  checkPositional(command, args.positional, label);
  return (await command.run(args)) ?? 0;
}

function noCommand(argv: readonly string[], words: readonly string[], commands: readonly CliCommand[]): number {
  const group = commands.filter((c) => words.length > 0 && c.path.length > words.length && words.every((w, i) => c.path[i] === w));
  if (argv.length === 0 || (words.length === 0 && argv.every(isHelp))) {
    process.stdout.write(globalUsage(commands));
    return 0;
  }
  if (group.length > 0 && (words.length === argv.length || argv.slice(words.length).every(isHelp))) {
    if (argv.some(isHelp)) {
      process.stdout.write(globalUsage(group));
      return 0;
    }
    throw new UsageError(`${words.join(' ')} needs one of: ${group.map((c) => c.path[words.length]).join(', ')}`);
  }
  const shown = words.length > 0 ? words.join(' ') : argv[0]!;
  throw new UsageError(`unknown command "${shown}" (mdm --help lists the commands)`);
}

function checkPositional(command: CliCommand, positional: readonly string[], label: string): void {
  const specs = command.args ?? [];
  const missing = specs.slice(positional.length).find((a) => a.required);
  if (missing) throw new UsageError(`${label} needs ${missing.name} (see ${label} --help)`);
  if (!specs.at(-1)?.repeatable && positional.length > specs.length) {
    throw new UsageError(`unexpected argument "${positional[specs.length]}" for ${label} (see ${label} --help)`);
  }
}

/** The process entry point (bin/mdm.js and `node dist/src/cli.js`): one `mdm: …` line on stderr and a non-zero exit on failure. */
export function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  return runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // ConfigError names the variable; anything else is reported the same way, one line.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`mdm: ${message.split('\n')[0]}\n`);
      process.exit(error instanceof CliError ? error.exitCode : 1);
    },
  );
}

if (require.main === module) void main();
