import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REGIONS } from './regions';
import { generateWarehouses } from './generate-warehouses';
import { WAREHOUSE_TYPES } from '../sim-warehouse';

describe('seeded warehouses', () => {
  const { warehouses } = generateWarehouses(1000, 1);

  it('are the same for the same seed and differ for another', () => {
    assert.deepEqual(generateWarehouses(50, 1).warehouses, warehouses.slice(0, 50));
    assert.notDeepEqual(generateWarehouses(50, 2).warehouses, warehouses.slice(0, 50));
  });

  it('have unique codes and names, real regions and phone formats', () => {
    assert.equal(new Set(warehouses.map((w) => w.warehouse_no)).size, 1000);
    assert.equal(new Set(warehouses.map((w) => w.name)).size, 1000);
    for (const w of warehouses) {
      assert.ok(REGIONS.some((r) => r.province === w.province && r.city === w.city && r.district === w.district && r.zip === w.zip));
      assert.match(w.mobile, /^1[3-9]\d{9}$/);
      assert.match(w.telno, /^(0\d{2,3}-\d{7,8})?$/);
      assert.match(w.created, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      assert.ok(w.modified >= w.created);
      assert.ok(WAREHOUSE_TYPES[w.type], `type ${w.type}`);
      assert.match(w.name, /仓$/);
    }
  });

  it('include some disabled, some defect warehouses paired with a good one, and several types', () => {
    const disabled = warehouses.filter((w) => w.is_disabled === 1).length;
    const defect = warehouses.filter((w) => w.is_defect === 1);
    assert.ok(disabled > 10 && disabled < 120, `${disabled} disabled`);
    assert.ok(defect.length > 10, `${defect.length} defect`);
    for (const d of defect) {
      const good = warehouses.find((w) => w.warehouse_id === d.match_warehouse_id)!;
      assert.equal(good.match_warehouse_id, d.warehouse_id);
      assert.match(d.name, /残次仓$/);
    }
    assert.ok(new Set(warehouses.map((w) => w.type)).size >= 6);
  });
});
