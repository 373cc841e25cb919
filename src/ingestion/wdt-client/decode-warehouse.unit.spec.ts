import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeWarehouse } from './decode-warehouse';
import { flag, text } from './lenient';

function decoded(row: unknown) {
  const result = decodeWarehouse(row);
  assert.ok(result.ok, 'row should decode');
  return result.warehouse;
}

describe('decodeWarehouse (lenient)', () => {
  it('reads numbers sent as strings and strings sent as numbers', () => {
    const w = decoded({
      warehouse_no: 'SH01',
      warehouse_id: 38,
      type: '11',
      sub_type: '2',
      priority: '3',
      coordinates_x: '121.4737',
      coordinates_y: 31.23,
      match_warehouse_id: '0',
      zip: 201700,
    });
    assert.equal(w.warehouseId, '38');
    assert.equal(w.type, 11);
    assert.equal(w.subType, 2);
    assert.equal(w.priority, 3);
    assert.equal(w.coordinatesX, 121.4737);
    assert.equal(w.coordinatesY, 31.23);
    assert.equal(w.matchWarehouseId, '0');
    assert.equal(w.zip, '201700');
  });

  it('reads 0/1, "0"/"1" and booleans as flags', () => {
    for (const [value, expected] of [
      [1, true],
      [0, false],
      ['1', true],
      ['0', false],
      [true, true],
      [false, false],
      ['true', true],
      ['', undefined],
      [null, undefined],
      [2, undefined],
    ] as const) {
      assert.equal(flag(value), expected, `flag(${JSON.stringify(value)})`);
    }
    const w = decoded({ warehouse_no: 'A', is_disabled: '1', is_defect: false });
    assert.equal(w.isDisabled, true);
    assert.equal(w.isDefect, false);
  });

  it('takes warehouse_type when type is absent, and type when both are sent', () => {
    assert.equal(decoded({ warehouse_no: 'A', warehouse_type: 3 }).type, 3);
    assert.equal(decoded({ warehouse_no: 'A', warehouse_type: 3, type: '1' }).type, 1);
  });

  it('turns empty and whitespace-only strings into undefined', () => {
    const w = decoded({ warehouse_no: 'A', name: '上海青浦仓', remark: '', ext_warehouse_no: '   ', type: '', coordinates_x: '' });
    assert.equal(w.remark, undefined);
    assert.equal(w.extWarehouseNo, undefined);
    assert.equal(w.type, undefined);
    assert.equal(w.coordinatesX, undefined);
    assert.equal(text('  x '), '  x ', 'non-empty text is kept as sent');
  });

  it('keeps every raw field, unknown ones included', () => {
    const row = { warehouse_no: 'A', name: '仓', prop1: 'p', brand_new_field: { nested: 1 } };
    assert.deepEqual(decoded(row).raw, row);
  });

  it('rejects a row without warehouse_no or that is not an object', () => {
    assert.deepEqual(decodeWarehouse({ name: '无编号仓' }), { ok: false, problem: 'it has no warehouse_no' });
    assert.deepEqual(decodeWarehouse({ warehouse_no: '' }), { ok: false, problem: 'it has no warehouse_no' });
    assert.deepEqual(decodeWarehouse('SH01'), { ok: false, problem: 'expected an object, got string' });
    assert.deepEqual(decodeWarehouse(null), { ok: false, problem: 'expected an object, got null' });
  });

  it('keeps a missing name as an empty string (the contract types name as a string)', () => {
    assert.equal(decoded({ warehouse_no: 7 }).name, '');
    assert.equal(decoded({ warehouse_no: 7 }).warehouseNo, '7');
  });
});
