import type { CliCommand } from './commands';

const name = (command: CliCommand): string => `mdm ${command.path.join(' ')}`;

/** `mdm resync kingdee [GOLDEN_ID…] [--all] [--id GOLDEN_ID]…`, from what the command declares. */
export function synopsis(command: CliCommand): string {
  if (command.synopsis) return `${name(command)} ${command.synopsis}`;
  const args = (command.args ?? []).map((a) => {
    const word = `${a.name}${a.repeatable ? '…' : ''}`;
    return a.required ? word : `[${word}]`;
  });
  const flags = (command.flags ?? []).map((f) => `[--${f.name}${f.value ? ` ${f.value}` : ''}]${f.repeatable ? '…' : ''}`);
  return [name(command), ...args, ...flags].join(' ');
}

/** The global usage: one line per command. */
export function globalUsage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => name(c).length));
  const lines = commands.map((c) => `  ${name(c).padEnd(width)}  ${c.summary}`);
  return `usage: mdm <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nmdm <command> --help shows a command's arguments and options.\n`;
}

/** `mdm <command> --help`. */
export function commandHelp(command: CliCommand): string {
  const flags = [...(command.flags ?? []), { name: 'help', description: 'show this help' }];
  const labels = flags.map((f) => `--${f.name}${'value' in f && f.value ? ` ${f.value}` : ''}`);
  const width = Math.max(...labels.map((l) => l.length));
  const options = flags.map(
    (f, i) => `  ${labels[i]!.padEnd(width)}  ${f.description}${'repeatable' in f && f.repeatable ? ' (repeatable)' : ''}`,
  );
  const details = command.details ? `\n${command.details.trim()}\n` : '';
  return `usage: ${synopsis(command)}\n\n${command.summary}\n${details}\noptions:\n${options.join('\n')}\n`;
}
