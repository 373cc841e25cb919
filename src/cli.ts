import 'reflect-metadata';
import { parseArgs } from './cli/args';
import { CliCommand, CliError } from './cli/commands';
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

/** Every `mdm` command; features add theirs here. */
const COMMANDS: readonly CliCommand[] = [
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

export async function runCli(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const command = [...COMMANDS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((word, i) => args.positional[i] === word));
  if (!command || args.options.help) {
    process.stdout.write(`usage:\n${COMMANDS.map((c) => `  mdm ${c.usage}`).join('\n')}\n`);
    return command || args.options.help ? 0 : 2;
  }
  return (await command.run({ ...args, positional: args.positional.slice(command.path.length) })) ?? 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // One clear line on stderr, non-zero exit (ConfigError names the variable).
      const message = error instanceof CliError || error instanceof Error ? error.message : String(error);
      process.stderr.write(`mdm: ${message}\n`);
      process.exit(1);
    },
  );
}
