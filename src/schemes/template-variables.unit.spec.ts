import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GOLDEN_FIELD_CATALOGUE } from '../contracts/golden-field-catalogue';
import { sampleGoldenMessage } from './golden-message.fixture';
import { WDT_WAREHOUSE_FIELDS, isKnownVariable, resolveVariable } from './template-variables';

describe('template variables from the field catalogue', () => {
  const specs = Object.values(GOLDEN_FIELD_CATALOGUE);

  it('knows every catalogue variable and reads it from the golden record', () => {
    const message = sampleGoldenMessage({ record: { name: '覆盖后的名称', mergedInto: 'wh_survivor' } });
    for (const name of specs.flatMap((s) => s.variables)) assert.ok(isKnownVariable(name), name);
    assert.equal(resolveVariable('name', message), '覆盖后的名称');
    assert.equal(resolveVariable('ext_warehouse_no', message), 'QM-HZ-01');
    assert.equal(resolveVariable('merged_into', message), 'wh_survivor');
    assert.equal(resolveVariable('coordinates_y', message), 30.18);
  });

  it('names WDT fields the WDT warehouse query sends', () => {
    const raw = specs.flatMap((s) => (s.wdt ? ('raw' in s.wdt ? s.wdt.raw : [s.wdt.field]) : []));
    assert.deepEqual(
      raw.filter((f) => !WDT_WAREHOUSE_FIELDS.includes(f)),
      [],
    );
  });
});
