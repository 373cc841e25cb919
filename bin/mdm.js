#!/usr/bin/env node
// `npx mdm …`: runs the compiled CLI, building it first (SWC, a few seconds) only when dist/ is
// missing or older than a source file, so repeated calls start at once.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');
// Everything `npm run build` compiles; the build rewrites every output file, so cli.js's time is the build's.
const SOURCES = ['src', 'test', 'migrations', 'bench'];

function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  return SOURCES.some((folder) => newestMtime(path.join(root, folder)) > built);
}

if (isStale()) {
  process.stderr.write('mdm: building dist/ (first use or sources changed)…\n');
  // Build output goes to stderr: stdout carries the command's own output (JSON, BatchSave bodies).
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
}
if (process.argv[2] === 'start') {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-console.mjs'), '--if-stale'], { cwd: root, stdio: ['ignore', 2, 2] });
}
require(cli)
  .main(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`mdm: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
