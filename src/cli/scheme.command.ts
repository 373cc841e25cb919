import { readFile } from 'node:fs/promises';
import { SchemePreview, SchemePreviewResult } from '../schemes/runtime/scheme-preview';
import { formatIssue, SchemeValidationError } from '../schemes/scheme-errors';
import { parseScheme } from '../schemes/scheme-loader';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { intOption } from './args';
import { CliCommand, CliError } from './commands';
import { operate } from './operate';

/** `mdm scheme validate FILE`: every problem as `file:line:col path: message` on stderr, exit 1. */
export const schemeValidateCommand: CliCommand = {
  path: ['scheme', 'validate'],
  summary: 'check an integration scheme: every problem as FILE:LINE:COL path: message',
  args: [{ name: 'FILE', required: true }],
  async run(args) {
    const file = fileArgument(args.positional);
    const loaded = await validated(file);
    if (!('scheme' in loaded)) return 1;
    const s = loaded.scheme;
    process.stdout.write(
      `${file}: ok — ${s.name} v${s.version}, ${s.source.system} ${s.source.api} → ${s.target.system} ${s.target.operation} ${s.target.formId}, ${s.mapping.length} mapped fields\n`,
    );
    return 0;
  },
};

/** `mdm scheme preview FILE [--limit N]`: the exact BatchSave bodies the current golden records would produce. Nothing is sent. */
export const schemePreviewCommand: CliCommand = {
  path: ['scheme', 'preview'],
  summary: 'show the exact BatchSave bodies the scheme would send for the current golden records (nothing is sent)',
  args: [{ name: 'FILE', required: true }],
  flags: [{ name: 'limit', value: 'N', description: 'at most N records (default 10)' }],
  async run(args) {
    const file = fileArgument(args.positional);
    const limit = intOption(args, 'limit', 10);
    const loaded = await validated(file);
    if (!('scheme' in loaded)) return 1;
    const result = await operate<SchemePreviewResult>({
      remote: (hub) => hub.post('/api/v1/schemes/preview', { yaml: loaded.text, file, limit }),
      local: (app) => app.get(SchemePreview, { strict: false }).preview(loaded.scheme, limit),
    });
    process.stdout.write(
      `${JSON.stringify(
        result.batches.map((b) => b.body),
        null,
        2,
      )}\n`,
    );
    const records = result.batches.reduce((n, b) => n + b.entries.length, 0);
    process.stderr.write(
      `${result.batches.length} BatchSave body(ies) for ${records} record(s); ${result.filteredOut.length} left out by the source filter; ${result.failures.length} could not be mapped\n`,
    );
    for (const f of result.failures) process.stderr.write(`  ${f.message}\n`);
    return result.failures.length > 0 ? 1 : 0;
  },
};

function fileArgument(positional: readonly string[]): string {
  const [file] = positional;
  if (!file) throw new CliError('name the scheme file: mdm scheme validate FILE');
  return file;
}

async function validated(file: string): Promise<{ scheme: IntegrationScheme; text: string } | { issues: number }> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  try {
    return { scheme: parseScheme(text, file), text };
  } catch (error) {
    if (!(error instanceof SchemeValidationError)) throw error;
    for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    process.stderr.write(`mdm: ${file} has ${error.issues.length} problem(s)\n`);
    return { issues: error.issues.length };
  }
}
