import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../config/config';
import { GOLDEN_FIELD_CATALOGUE } from '../contracts/golden-field-catalogue';
import { goldenMessageSchemaDocument } from './golden-message-schema-document';
import { GOLDEN_SCHEMA_FILE, goldenMessageProblems } from './golden-message-schema';
import { sampleGoldenMessage } from '../schemes/golden-message.fixture';

// A real dynamic import (the build turns `import()` into `require`, which cannot load an ES module).
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ generateGoldenSchema(): Promise<string> }>;

describe('golden message JSON Schema', () => {
  it('is committed as generated from the field catalogue (npm run build && node scripts/generate-from-catalogue.mjs)', async () => {
    const script = pathToFileURL(path.join(projectRoot(), 'scripts', 'generate-from-catalogue.mjs')).href;
    const fresh = await (await importModule(script)).generateGoldenSchema();
    assert.equal(readFileSync(GOLDEN_SCHEMA_FILE, 'utf8'), fresh);
  });

  it('describes every catalogue field of the record, required', () => {
    const record = (goldenMessageSchemaDocument().$defs as { record: { required: string[]; properties: object } }).record;
    assert.deepEqual(record.required, Object.keys(GOLDEN_FIELD_CATALOGUE));
    assert.deepEqual(Object.keys(record.properties), Object.keys(GOLDEN_FIELD_CATALOGUE));
  });

  it('accepts a message with every field and rejects a mistyped field', () => {
    const message = { ...sampleGoldenMessage(), eventId: '0f8b6f1e-7c9a-4d2b-9e3f-5a1c2b3d4e5f' };
    assert.deepEqual(goldenMessageProblems(message), []);
    assert.notDeepEqual(goldenMessageProblems({ ...message, record: { ...message.record, typeCode: '11' } }), []);
  });
});
