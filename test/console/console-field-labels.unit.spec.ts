import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/config/config';

// A real dynamic import (the build turns `import()` into `require`, which cannot load an ES module).
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ generateFieldLabels(): Promise<string> }>;

/** The console labels the golden record's fields from console/src/i18n/field-labels.generated.ts. */
describe('console field labels', () => {
  it('are a fresh generation from the field catalogue (run the console build to update them)', async () => {
    const script = pathToFileURL(path.join(projectRoot(), 'scripts', 'generate-from-catalogue.mjs')).href;
    const fresh = await (await importModule(script)).generateFieldLabels();
    const committed = readFileSync(path.join(projectRoot(), 'console', 'src', 'i18n', 'field-labels.generated.ts'), 'utf8');
    assert.match(fresh, /'field\.warehouseNo': '仓库编号'/, 'the catalogue was read');
    assert.equal(committed, fresh);
  });
});
