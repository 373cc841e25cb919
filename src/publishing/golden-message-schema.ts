import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { projectRoot } from '../config/config';

export const GOLDEN_SCHEMA_FILE = path.join(projectRoot(), 'schemas', 'mdm.warehouse.golden.v1.schema.json');

/** Validates a message against the committed JSON Schema; returns the problems (empty = valid). */
export function goldenMessageProblems(message: unknown): string[] {
  validator ??= compile();
  return validator(message) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

let validator: ReturnType<typeof compile> | undefined;
function compile() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(GOLDEN_SCHEMA_FILE, 'utf8')));
}
