import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { projectRoot } from '../../src/config/config';

// Lints a source string as if it sat in a domain/ folder, with the repository's own ESLint config.
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: projectRoot() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('domain/ imports only itself, shared/ and contracts/', () => {
  it('fails a relative import from domain/ to a feature folder', async () => {
    const messages = await lintAs(
      'src/warehouses/domain/example.ts',
      "import { WdtClient } from '../../ingestion/wdt-client/wdt-client';\nexport type X = WdtClient;\n",
    );
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0] ?? '', /^mdm\/domain-imports: .*src\/ingestion\/wdt-client\/wdt-client/);
  });

  it('fails a re-export and an import that leave domain/ through a detour', async () => {
    const messages = await lintAs(
      'src/warehouses/domain/example.ts',
      "export * from '../../publishing/golden-record-publisher';\nimport './../domain/../application/metadata';\n",
    );
    assert.deepEqual(
      messages.map((m) => m.split(':')[0]),
      ['mdm/domain-imports', 'mdm/domain-imports'],
    );
  });

  it('grants no domain an exception: reconciliation compares through contracts/, not the schemes module', async () => {
    const messages = await lintAs(
      'src/reconciliation/domain/example.ts',
      "import { renderModel } from '../../schemes/render-model';\nexport const render = renderModel;\n",
    );
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0] ?? '', /^mdm\/domain-imports: .*src\/schemes\/render-model/);
  });

  it('accepts imports of its own domain, shared/ and contracts/', async () => {
    const messages = await lintAs(
      'src/warehouses/domain/example.ts',
      [
        "import { WdtWarehouse } from '../../contracts/wdt-warehouse';",
        "import { DomainError } from '../../shared/domain/domain-error';",
        "import { WarehouseEvent } from './events';",
        'export type X = [WdtWarehouse, DomainError, WarehouseEvent];',
        '',
      ].join('\n'),
    );
    assert.deepEqual(messages, []);
  });

  it('leaves files outside domain/ free to import feature folders', async () => {
    const messages = await lintAs(
      'src/warehouses/application/example.ts',
      "import { WdtClient } from '../../ingestion/wdt-client/wdt-client';\nexport type X = WdtClient;\n",
    );
    assert.deepEqual(messages, []);
  });
});
