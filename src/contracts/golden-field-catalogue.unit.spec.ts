import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GOLDEN_FIELD_CATALOGUE, GOLDEN_RECORD_FIELDS, goldenFieldSpec } from './golden-field-catalogue';

describe('golden field catalogue', () => {
  const specs = GOLDEN_RECORD_FIELDS.map((f) => ({ field: f, ...goldenFieldSpec(f) }));
  const duplicates = (names: readonly string[]) => names.filter((n, i) => names.indexOf(n) !== i);

  it('lists the fields in the record order, each once', () => {
    assert.deepEqual(GOLDEN_RECORD_FIELDS, Object.keys(GOLDEN_FIELD_CATALOGUE));
    assert.equal(GOLDEN_RECORD_FIELDS[0], 'warehouseNo');
  });

  it('gives every field its own column, variables and WDT name', () => {
    assert.deepEqual(duplicates(specs.map((s) => s.column)), []);
    assert.deepEqual(duplicates(specs.flatMap((s) => s.variables)), []);
    assert.deepEqual(duplicates(specs.flatMap((s) => (s.wdt ? [s.wdt.field] : []))), []);
    for (const s of specs) assert.match(s.column, /^[a-z][a-z_]*$/, s.field);
  });

  it('lets stewards override only decided fields, never the identity', () => {
    assert.deepEqual(
      specs.filter((s) => s.overridable && !s.decided).map((s) => s.field),
      [],
    );
    assert.equal(GOLDEN_FIELD_CATALOGUE.warehouseNo.overridable, false);
  });

  it('has a label in both languages for every field', () => {
    for (const s of specs) assert.ok(s.label.zh.trim() && s.label.en.trim(), s.field);
  });
});
