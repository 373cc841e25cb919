import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, runCli } from '../cli';
import { projectRoot } from '../config/config';
import { UsageError } from './commands';
import { createTestDatabase } from '../../test/support/test-database';

const root = projectRoot();
const SCHEME = path.join(root, 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml');
const env = { ...process.env, LOG_LEVEL: 'silent', PORT: '1', npm_config_update_notifier: 'false' };

/** Runs the `mdm` bin as a separate process: `npx mdm …` in the repository (as the README says), or `node bin/mdm.js …`. */
function mdmProcess(via: 'npx' | 'node', ...argv: string[]): { code: number | null; out: string; err: string } {
  return mdmIn(root, env, via, ...argv);
}

function mdmIn(cwd: string, environment: NodeJS.ProcessEnv, via: 'npx' | 'node', ...argv: string[]) {
  const [cmd, prefix] = via === 'npx' ? ['npx', ['--no-install', 'mdm']] : [process.execPath, [path.join(cwd, 'bin', 'mdm.js')]];
  const run = spawnSync(cmd, [...prefix, ...argv], { cwd, env: environment, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** What a clean clone holds that the CLI needs (no dist/), with the installed packages linked in. */
function cleanCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mdm-clone-'));
  for (const entry of [
    'package.json',
    'tsconfig.json',
    '.swcrc',
    'bin',
    'scripts',
    'schemes',
    'schemas',
    'src',
    'test',
    'migrations',
    'bench',
  ])
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** `runCli` in this process, stdout captured (the test runner's own binary chunks pass through). */
async function helpOf(argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    typeof chunk === 'string' ? (out.push(chunk), true) : write(chunk as Uint8Array, ...(rest as []))) as typeof process.stdout.write;
  try {
    return { code: await runCli(argv), out: out.join('') };
  } finally {
    process.stdout.write = write;
  }
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('the mdm command line', { timeout: 180_000 }, () => {
  it('`npx mdm --help` and `npx mdm` print the usage of every command; dist/ is current, so nothing is rebuilt', () => {
    for (const argv of [['--help'], []]) {
      const { code, out, err } = mdmProcess('npx', ...argv);
      assert.equal(code, 0, err);
      assert.match(out, /^usage: mdm <command>/);
      for (const command of COMMANDS) assert.ok(out.includes(`mdm ${command.path.join(' ')}`), `${command.path.join(' ')} in\n${out}`);
      assert.doesNotMatch(err, /building/, 'npm test built dist/ already: the bin must not build again');
    }
  });

  it('from a clean clone (no dist/): `npx mdm --help` builds once, then `npx mdm status` and `npx mdm scheme validate` work', async () => {
    const dir = cleanCopy();
    const db = await createTestDatabase('mdm_bin_clone');
    try {
      const help = mdmIn(dir, env, 'npx', '--help');
      assert.equal(help.code, 0, help.err);
      assert.match(help.err, /mdm: building dist\//);
      assert.match(help.out, /^usage: mdm <command>/);
      const validate = mdmIn(dir, env, 'npx', 'scheme', 'validate', 'schemes/wdt-warehouse-to-kingdee-stock.yaml');
      assert.equal(validate.code, 0, validate.err);
      assert.doesNotMatch(validate.err, /building/, 'dist/ is current now');
      assert.match(validate.out, /: ok — wdt-warehouse-to-kingdee-stock v1/);
      const status = mdmIn(dir, { ...env, DATABASE_URL: db.url }, 'npx', 'status');
      assert.equal(status.code, 0, status.err);
      assert.match(status.out, /^events\s+0 \(head position 0\)/m);
      assert.match(status.out, /^scheme\s+wdt-warehouse-to-kingdee-stock: enabled/m);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown command or option: one line on stderr, nothing on stdout, exit 2', () => {
    for (const [via, argv, expected] of [
      ['npx', ['frobnicate'], /^mdm: unknown command "frobnicate"/],
      ['node', ['status', '--bogus'], /^mdm: unknown option --bogus for mdm status/],
    ] as const) {
      const { code, out, err } = mdmProcess(via, ...argv);
      assert.equal(code, 2, err);
      assert.equal(out, '');
      assert.equal(lines(err).length, 1, err);
      assert.match(err, expected);
    }
  });

  it('`mdm <command> --help` shows that command’s usage and options', async () => {
    for (const command of COMMANDS) {
      const { code, out } = await helpOf([...command.path, '--help']);
      assert.equal(code, 0);
      assert.ok(out.startsWith(`usage: mdm ${command.path.join(' ')}`), out);
      for (const flag of command.flags ?? []) assert.ok(out.includes(`--${flag.name}`), `--${flag.name} in\n${out}`);
    }
    assert.match((await helpOf(['sim', '--help'])).out, /mdm sim wdt .*\n.*mdm sim kingdee/);
  });

  it('usage mistakes are UsageErrors naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['sim', 'erp'], /^unknown command "sim erp"/],
      [['scheme'], /^scheme needs one of: validate, preview/],
      [['status', 'extra'], /^unexpected argument "extra" for mdm status/],
      [['scheme', 'preview', SCHEME, '--limit'], /^--limit needs a value/],
      [['scheme', 'validate'], /^mdm scheme validate needs FILE/],
      [['resync', 'kingdee', '--all=yes'], /^--all takes no value/],
      [['replay', '--from', '1', '--from', '2'], /^--from is given more than once/],
    ];
    for (const [argv, expected] of cases) {
      await assert.rejects(runCli(argv), (error: unknown) => error instanceof UsageError && expected.test(error.message), argv.join(' '));
    }
  });

  it('scheme validate: the shipped template passes; an unknown field and a YAML syntax error point at their line', () => {
    const ok = mdmProcess('node', 'scheme', 'validate', SCHEME);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /ok — wdt-warehouse-to-kingdee-stock v1, wdt wdt\.warehouse\.query → kingdee BatchSave BD_STOCK/);
    const dir = mkdtempSync(path.join(tmpdir(), 'mdm-bin-'));
    const broken = path.join(dir, 'broken.yaml');
    const template = readFileSync(SCHEME, 'utf8');
    // An unknown form (BD_STOCK_typo) is covered by the loader's unit tests; its fields cannot be checked then.
    writeFileSync(broken, template.replace('FAddress:', 'FAdress:'));
    const bad = mdmProcess('node', 'scheme', 'validate', broken);
    assert.equal(bad.code, 1);
    const lineOf = (text: string) => template.split('\n').findIndex((l) => l.includes(text)) + 1;
    assert.match(
      bad.err,
      new RegExp(`broken\\.yaml:${lineOf('FAddress:')}:3 mapping\\.FAdress: is not a field of BD_STOCK \\(did you mean FAddress\\?\\)`),
    );
    writeFileSync(broken, template.replace('  formId: BD_STOCK', '  formId: [BD_STOCK'));
    const syntax = mdmProcess('node', 'scheme', 'validate', broken);
    assert.equal(syntax.code, 1);
    const [, line] = /broken\.yaml:(\d+):\d+ /.exec(syntax.err) ?? [];
    assert.ok(Number(line) >= lineOf('formId: BD_STOCK'), `the syntax error's own line, not 1:1:\n${syntax.err}`);
  });
});
