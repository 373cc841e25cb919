#!/usr/bin/env node
// What is generated from the golden field catalogue (src/contracts/golden-field-catalogue.ts), from
// the compiled hub (needs dist/, i.e. `npm run build`):
// - console/src/i18n/field-labels.generated.ts, the console's field labels (the console build writes it);
// - schemas/mdm.warehouse.golden.v1.schema.json, the golden message's JSON Schema (a public contract:
//   written only when this script runs by hand, so a change to it is a deliberate commit).
// Unit tests fail when a committed file is not a fresh generation. Files are written only when their text changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const FIELD_LABELS = path.join(root, 'console', 'src', 'i18n', 'field-labels.generated.ts');
export const GOLDEN_SCHEMA = path.join(root, 'schemas', 'mdm.warehouse.golden.v1.schema.json');

async function formatted(text, filepath) {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...options, filepath });
}

/** The console's field labels, `field.<name>` in both languages. */
export async function generateFieldLabels() {
  const { GOLDEN_FIELD_CATALOGUE } = require(path.join(root, 'dist', 'src', 'contracts', 'golden-field-catalogue.js'));
  const entries = Object.entries(GOLDEN_FIELD_CATALOGUE);
  const dictionary = (lang) =>
    entries.map(([field, spec]) => `  ${JSON.stringify(`field.${field}`)}: ${JSON.stringify(spec.label[lang])},`).join('\n');
  const text = `/**
 * Generated from src/contracts/golden-field-catalogue.ts by scripts/generate-from-catalogue.mjs (run by
 * the console build): do not edit. Regenerate with \`npm run build && node scripts/generate-from-catalogue.mjs\`.
 */
export const fieldLabelsZhCN = {
${dictionary('zh')}
} as const;

export const fieldLabelsEn: Record<keyof typeof fieldLabelsZhCN, string> = {
${dictionary('en')}
};
`;
  return formatted(text, FIELD_LABELS);
}

/** The golden message's JSON Schema. */
export async function generateGoldenSchema() {
  const { goldenMessageSchemaDocument } = require(path.join(root, 'dist', 'src', 'publishing', 'golden-message-schema-document.js'));
  return formatted(JSON.stringify(goldenMessageSchemaDocument()), GOLDEN_SCHEMA);
}

function writeIfChanged(file, text) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // first generation
  }
  if (current === text) return false;
  writeFileSync(file, text);
  return true;
}

/** True when the console's field labels changed. */
export async function writeFieldLabels() {
  return writeIfChanged(FIELD_LABELS, await generateFieldLabels());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const [file, text] of [
      [FIELD_LABELS, await generateFieldLabels()],
      [GOLDEN_SCHEMA, await generateGoldenSchema()],
    ]) {
      console.log(writeIfChanged(file, text) ? `wrote ${path.relative(root, file)}` : `${path.relative(root, file)} is current`);
    }
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
