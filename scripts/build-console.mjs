#!/usr/bin/env node
// Builds the stewards' console (console/ → dist/console) with Vite, after generating its API types
// from the hub's OpenAPI document (console/src/api/generated.ts) and its field labels from the golden
// field catalogue (console/src/i18n/field-labels.generated.ts); both need dist/, i.e. `npm run build`.
// `--if-stale`: types only when a file under src/ is newer than the last generation, the Vite build
// only when dist/console/index.html is missing or older than a file under console/, so `npm start`
// and `npm test` pay only after something changed.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'console');
const builtIndex = path.join(root, 'dist', 'console', 'index.html');
const apiStamp = path.join(root, 'dist', '.console-api-generated');

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

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Regenerates console/src/api/generated.ts (written only when its text changes). */
export async function generateApiTypes({ ifStale = false } = {}) {
  if (ifStale && newestMtime(path.join(root, 'src')) <= mtime(apiStamp)) return false;
  const { writeConsoleApi } = await import('./generate-console-api.mjs');
  const changed = await writeConsoleApi();
  if (changed) console.log('console/src/api/generated.ts regenerated from the OpenAPI document');
  writeFileSync(apiStamp, new Date().toISOString());
  return changed;
}

/** Regenerates console/src/i18n/field-labels.generated.ts from the field catalogue (cheap: one module, one file). */
export async function generateFieldLabels() {
  const { writeFieldLabels } = await import('./generate-from-catalogue.mjs');
  const changed = await writeFieldLabels();
  if (changed) console.log('console/src/i18n/field-labels.generated.ts regenerated from the field catalogue');
  return changed;
}

export async function buildConsole({ ifStale = false } = {}) {
  await generateApiTypes({ ifStale });
  await generateFieldLabels();
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
    await buildConsole({ ifStale: process.argv.includes('--if-stale') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error('console build failed (see above)');
    process.exit(1);
  }
}
