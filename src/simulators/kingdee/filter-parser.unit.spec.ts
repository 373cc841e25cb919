import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesFilter } from './filter-eval';
import { filterFields, FilterSyntaxError, parseFilter } from './filter-parser';

const row: Record<string, unknown> = {
  FNumber: 'CK001',
  FName: "O'Neil 仓",
  FStockId: 100002,
  'FUseOrgId.FNumber': '100.02',
  FAllowMinusQty: true,
  FTel: null,
};
const matches = (filter: string) => matchesFilter(parseFilter(filter), (f) => row[f]);

describe('simulator FilterString parser', () => {
  it('parses and evaluates =, and, or, not, parentheses and dotted reference fields', () => {
    assert.ok(matches("FNumber='CK001' and FUseOrgId.FNumber='100.02'"));
    assert.ok(!matches("FNumber='CK001' and FUseOrgId.FNumber='100.01'"));
    assert.ok(matches("(FNumber='X' or FNumber='ck001') and not FStockId=1"));
    assert.ok(matches("FNumber = 'CK001' AND (FStockId > 100001 OR FStockId < 0)"));
  });

  it('supports in, like, <>, is null and SQL string escapes', () => {
    assert.ok(matches("FNumber in ('A','CK001')"));
    assert.ok(matches("FNumber not in ('A','B')"));
    assert.ok(matches("FName like 'O''Neil%'"));
    assert.ok(matches("FName like N'%仓'"));
    assert.ok(matches("FNumber like 'CK00_'"));
    assert.ok(matches("FNumber <> 'A' and FNumber != 'B'"));
    assert.ok(matches('FTel is null and FNumber is not null'));
    assert.ok(matches('FStockId >= 100002 and FAllowMinusQty = 1'));
  });

  it('treats an empty filter as everything and lists the fields it reads', () => {
    assert.equal(parseFilter('   '), undefined);
    assert.ok(matchesFilter(undefined, () => undefined));
    assert.deepEqual(filterFields(parseFilter("FNumber='a' or (FName like 'b%' and FUseOrgId.FNumber in ('1'))")), [
      'FNumber',
      'FName',
      'FUseOrgId.FNumber',
    ]);
  });

  it('rejects malformed filters with a readable reason', () => {
    for (const bad of ["FNumber='A", "FNumber 'A'", "FNumber in ('A'", "FNumber='A' and", "FNumber='A' FName='B'", 'FNumber = ;']) {
      assert.throws(() => parseFilter(bad), FilterSyntaxError, bad);
    }
  });
});
