#!/usr/bin/env node
// The console's API types (console/src/api/generated.ts) from the hub's OpenAPI document, built
// without a database or a port (Nest preview mode, see src/openapi-offline.ts). Needs dist/
// (`npm run build`). Writes only when the text changed, so the console is not rebuilt for nothing.
// test/console/console-api-types.unit.spec.ts fails when the committed file is not a fresh generation.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GENERATED = path.join(root, 'console', 'src', 'api', 'generated.ts');

const HEADER = `/**
 * Generated from the hub's OpenAPI document by scripts/generate-console-api.mjs (run by the console
 * build): do not edit. Regenerate with \`npm run build && node scripts/generate-console-api.mjs\`.
 */
`;

export async function generateConsoleApi() {
  const require = createRequire(import.meta.url);
  require('reflect-metadata');
  const { openApiDocumentOffline } = require(path.join(root, 'dist', 'src', 'openapi-offline.js'));
  const document = await openApiDocumentOffline();
  const text = HEADER + astToString(await openapiTS(document, { alphabetize: true }));
  const options = (await prettier.resolveConfig(GENERATED)) ?? {};
  return prettier.format(text, { ...options, filepath: GENERATED });
}

/** True when the file changed. */
export async function writeConsoleApi() {
  const fresh = await generateConsoleApi();
  let current = '';
  try {
    current = readFileSync(GENERATED, 'utf8');
  } catch {
    // first generation
  }
  if (current === fresh) return false;
  writeFileSync(GENERATED, fresh);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeConsoleApi().then(
    (changed) => {
      console.log(changed ? `wrote ${path.relative(root, GENERATED)}` : `${path.relative(root, GENERATED)} is current`);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
