import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/config/config';
import { cycles, featureFolder, importEdges } from './import-graph';

/**
 * Cycles still to be cut, each named with the import that closes it. The list may only shrink:
 * a new cycle fails the test, and so does an entry here that is no longer a cycle.
 */
const KNOWN_FOLDER_CYCLES: string[][] = [];

/** Who may import the simulators: the demo runtime that starts them and `mdm sim`. */
const SIMULATOR_USERS = ['src/runtime/', 'src/cli/sim.command.ts'];
/** None left: the demo runtime starts the WDT simulator and hands ingestion its settings. */
const KNOWN_SIMULATOR_IMPORTS: string[] = [];

describe('simulators are a layer of their own', () => {
  it('no production module imports a simulator', () => {
    const importers = importEdges(projectRoot())
      .filter((e) => e.to.startsWith('src/simulators/') && !e.from.startsWith('src/simulators/'))
      .map((e) => e.from)
      .filter((from) => !SIMULATOR_USERS.some((allowed) => from.startsWith(allowed)));
    assert.deepEqual([...new Set(importers)].sort(), KNOWN_SIMULATOR_IMPORTS);
  });
});

describe('import cycles under src/', () => {
  const edges = importEdges(projectRoot());

  it('finds the edges it checks (the scan is not empty)', () => {
    assert.ok(edges.length > 500, `only ${edges.length} imports found`);
    assert.ok(edges.some((e) => e.from === 'src/warehouses/domain/events.ts' && e.to === 'src/warehouses/domain/state.ts'));
  });

  it('has no cycle between feature folders beyond the known ones', () => {
    const found = cycles(edges.map((e) => [featureFolder(e.from), featureFolder(e.to)] as const));
    assert.deepEqual(found.map((c) => c.join(' <-> ')).sort(), KNOWN_FOLDER_CYCLES.map((c) => c.join(' <-> ')).sort());
  });

  it('has no cycle between files (type-only imports aside)', () => {
    const found = cycles(edges.filter((e) => !e.typeOnly).map((e) => [e.from, e.to] as const));
    assert.deepEqual(found, []);
  });

  it('detects a cycle when there is one', () => {
    assert.deepEqual(
      cycles([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ]),
      [['a', 'b', 'c']],
    );
    assert.deepEqual(
      cycles([
        ['a', 'b'],
        ['b', 'c'],
      ]),
      [],
    );
  });
});
