import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GoldenWarehouseRecord } from '../contracts/golden-record-changed.v1';
import { sampleGoldenMessage } from './golden-message.fixture';
import { parseScheme } from './scheme-loader';
import { applySourceFilter, sourceFilterRejection } from './source-filter';

const schemeWith = (filter: string) =>
  parseScheme(
    `name: f\nversion: 1\nsource: { system: wdt, api: wdt.warehouse.query, filter: ${filter} }\n` +
      'target: { system: kingdee, formId: BD_STOCK, operation: BatchSave }\n' +
      'mapping: { FName: "{{name}}", FNumber: "{{warehouse_no}}", FUseOrgId: { FNumber: "100" }, FCreateOrgId: { FNumber: "100" } }\n',
    'f.yaml',
  );
const record = (r: Partial<GoldenWarehouseRecord>) => sampleGoldenMessage({ record: r }).record;

describe('applySourceFilter', () => {
  it('lets everything through without criteria', () => {
    assert.ok(applySourceFilter(schemeWith('{}'), record({ status: 'retired', typeCode: null })));
  });

  it('keeps only the listed statuses (e.g. only enabled warehouses)', () => {
    const scheme = schemeWith('{ status: [active] }');
    assert.ok(applySourceFilter(scheme, record({ status: 'active' })));
    assert.equal(sourceFilterRejection(scheme, record({ status: 'disabled' })), 'status disabled is not in [active]');
  });

  it('keeps only the listed WDT type codes; a record without a type is out', () => {
    const scheme = schemeWith('{ typeCodes: [1, 11] }');
    assert.ok(applySourceFilter(scheme, record({ typeCode: 11 })));
    assert.ok(!applySourceFilter(scheme, record({ typeCode: 3 })));
    assert.equal(sourceFilterRejection(scheme, record({ typeCode: null })), 'warehouse type (none) is not in [1, 11]');
  });

  it('filters defect (残次) warehouses when asked', () => {
    const scheme = schemeWith('{ isDefect: false }');
    assert.ok(applySourceFilter(scheme, record({ isDefect: false })));
    assert.ok(!applySourceFilter(scheme, record({ isDefect: true })));
  });
});
