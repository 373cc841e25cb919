import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/config/config';
import { productionFiles } from './import-graph';

/** Where production code may build an EventStore: the database module, with the one UpcasterRegistry. */
const STORE_BUILDERS = ['src/platform/database/database.module.ts'];

describe('one event store', () => {
  it('production code builds an EventStore only in the database module (so every read has the upcasters)', () => {
    const root = projectRoot();
    const builders = productionFiles(root).filter(
      (file) => !file.includes(`${path.sep}testing${path.sep}`) && /\bnew EventStore\(/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    assert.deepEqual(builders, STORE_BUILDERS);
  });
});
