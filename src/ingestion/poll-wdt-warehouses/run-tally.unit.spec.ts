import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeWarehouse } from '../wdt-client/decode-warehouse';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { judgePass } from './pass-verdict';
import { RunTally } from './run-tally';

function w(no: string, name = `仓${no}`): WdtWarehouse {
  const decoded = decodeWarehouse({ warehouse_no: no, name });
  assert.ok(decoded.ok);
  return decoded.warehouse;
}

describe('RunTally', () => {
  it('hands each warehouse to the recorder once per run, however often it is read', () => {
    const tally = new RunTally();
    const first = tally.fresh([w('A'), w('B')]);
    tally.markRecorded(
      first,
      first.map((x) => ({ warehouseNo: x.warehouseNo, goldenId: x.warehouseNo, outcome: 'created', changedFields: [] })),
    );
    assert.deepEqual(
      tally.fresh([w('B'), w('C')]).map((x) => x.warehouseNo),
      ['C'],
    );
    assert.equal(tally.summary().seen, 3);
    assert.equal(tally.summary().created, 2);
  });

  it('records a warehouse again when its content changed within the run', () => {
    const tally = new RunTally();
    tally.markRecorded(tally.fresh([w('A')]), []);
    assert.deepEqual(
      tally.fresh([w('A', '新名')]).map((x) => x.name),
      ['新名'],
    );
  });

  it('de-duplicates within one page, keeping the last copy', () => {
    const tally = new RunTally();
    assert.deepEqual(
      tally.fresh([w('A', 'old'), w('A', 'new')]).map((x) => x.name),
      ['new'],
    );
  });
});

describe('judgePass', () => {
  it('is complete when distinct rows reach page 0 total_count with no row read twice', () => {
    assert.equal(judgePass({ totalCount: 1000, rows: 1000, distinct: 1000, invalid: 0 }), 'complete');
    assert.equal(judgePass({ totalCount: 1000, rows: 1000, distinct: 998, invalid: 2 }), 'complete');
    assert.equal(judgePass({ totalCount: 0, rows: 0, distinct: 0, invalid: 0 }), 'complete');
  });

  it('is short when a row slid past the pull (fewer distinct rows than the total)', () => {
    assert.equal(judgePass({ totalCount: 1000, rows: 1000, distinct: 999, invalid: 0 }), 'short');
  });

  it('has moved when a row came twice (something new was inserted ahead of the read position)', () => {
    assert.equal(judgePass({ totalCount: 90, rows: 91, distinct: 90, invalid: 0 }), 'moved');
  });

  it('without a total, can only check for duplicates', () => {
    assert.equal(judgePass({ totalCount: undefined, rows: 3, distinct: 3, invalid: 0 }), 'complete');
    assert.equal(judgePass({ totalCount: undefined, rows: 4, distinct: 3, invalid: 0 }), 'moved');
  });
});
