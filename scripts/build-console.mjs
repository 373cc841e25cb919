#!/usr/bin/env node
// Builds the stewards' console (console/ → dist/console) with Vite.
// `--if-stale`: only when dist/console/index.html is missing or older than a file under console/,
// so `npm start` and `npm test` pay for a build only after the console changed.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'console');
const builtIndex = path.join(root, 'dist', 'console', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function consoleIsStale() {
  let built;
  try {
    built = statSync(builtIndex).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(sources) > built;
}

export function buildConsole({ ifStale = false } = {}) {
  if (ifStale && !consoleIsStale()) return false;
  console.log('building the console (vite) → dist/console');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--config',
      path.join(sources, 'vite.config.mts'),
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildConsole({ ifStale: process.argv.includes('--if-stale') });
  } catch {
    console.error('console build failed (see above)');
    process.exit(1);
  }
}
