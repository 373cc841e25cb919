import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery, selectPage } from './query';
import { generateWarehouses } from './seed/generate-warehouses';

const parsed = (params: Record<string, string>) => {
  const result = parseQuery(params);
  assert.ok(result.ok, JSON.stringify(result));
  return result.query;
};

describe('simulator query params', () => {
  it('defaults: page 0, page_size 40, enabled only, every type', () => {
    assert.deepEqual(parsed({}), { warehouseNo: undefined, type: undefined, subType: undefined, isDisabled: 0, pageNo: 0, pageSize: 40 });
  });

  it('validates page_size 1–100 and page_no ≥ 0', () => {
    for (const size of ['0', '101', 'abc', '-5']) assert.deepEqual(parseQuery({ page_size: size }).ok, false, size);
    assert.equal(parsed({ page_size: '100' }).pageSize, 100);
    assert.equal(parsed({ page_size: '1' }).pageSize, 1);
    assert.equal(parseQuery({ page_no: '-1' }).ok, false);
  });

  it('reads type 0 as every type and accepts warehouse_type as its alias', () => {
    assert.equal(parsed({ type: '0' }).type, undefined);
    assert.equal(parsed({ warehouse_type: '3' }).type, 3);
    assert.equal(parsed({ type: '11', warehouse_type: '3' }).type, 11);
  });

  it('ignores start_time and end_time', () => {
    assert.deepEqual(parsed({ start_time: '2024-01-01 00:00:00', end_time: 'x' }), parsed({}));
  });
});

describe('simulator paging and filters', () => {
  const { warehouses } = generateWarehouses(200, 7);
  const enabled = warehouses.filter((w) => w.is_disabled === 0);

  it('pages the enabled list and counts all matches', () => {
    const first = selectPage(warehouses, parsed({ page_size: '50' }));
    assert.equal(first.totalCount, enabled.length);
    assert.deepEqual(
      first.page.map((w) => w.warehouse_no),
      enabled.slice(0, 50).map((w) => w.warehouse_no),
    );
    const last = selectPage(warehouses, parsed({ page_size: '50', page_no: String(Math.floor(enabled.length / 50)) }));
    assert.equal(last.page.length, enabled.length % 50);
    assert.deepEqual(selectPage(warehouses, parsed({ page_no: '99' })).page, []);
  });

  it('filters by warehouse_no, type, sub_type and is_disabled', () => {
    const one = warehouses.find((w) => w.is_disabled === 0)!;
    assert.deepEqual(selectPage(warehouses, parsed({ warehouse_no: one.warehouse_no })).page, [one]);
    assert.ok(selectPage(warehouses, parsed({ type: '1', page_size: '100' })).page.every((w) => w.type === 1));
    assert.ok(selectPage(warehouses, parsed({ sub_type: '1' })).page.every((w) => w.sub_type === 1));
    const disabled = selectPage(warehouses, parsed({ is_disabled: '1', page_size: '100' }));
    assert.equal(disabled.totalCount, warehouses.length - enabled.length);
    assert.ok(disabled.totalCount > 0);
  });
});
