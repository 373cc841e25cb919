import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../src/config/config';

// A real dynamic import (the build turns `import()` into `require`, which cannot load an ES module).
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ generateConsoleApi(): Promise<string> }>;

/** The console compiles against console/src/api/generated.ts: it must be what this build's OpenAPI document gives. */
describe('console API types', () => {
  it('are a fresh generation from the OpenAPI document (run the console build to update them)', { timeout: 60_000 }, async () => {
    const script = pathToFileURL(path.join(projectRoot(), 'scripts', 'generate-console-api.mjs')).href;
    const fresh = await (await importModule(script)).generateConsoleApi();
    const committed = readFileSync(path.join(projectRoot(), 'console', 'src', 'api', 'generated.ts'), 'utf8');
    assert.ok(fresh.includes('StatusHistoryDto'), 'the document was read');
    assert.equal(committed, fresh);
  });
});
