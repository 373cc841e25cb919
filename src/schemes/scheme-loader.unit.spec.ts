import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../config/config';
import { SchemeValidationError } from './scheme-errors';
import { loadSchemeFile, parseScheme } from './scheme-loader';

const VALID = `name: test-scheme
version: 2
source:
  system: wdt
  api: wdt.warehouse.query
  params: { page_size: 50 }
  filter:
    status: [active]
    typeCodes: [1, 11]
target:
  system: kingdee
  formId: BD_STOCK
  operation: BatchSave
  options: { IsAutoSubmitAndAudit: true }
mapping:
  FName: "{{name}}"
  FNumber: "{{warehouse_no}}"
  FUseOrgId: { FNumber: "100.02" }
  FCreateOrgId: { FNumber: 100.02 }
  FGROUP: { FNumber: 02 }
  FStockProperty: 5
  FALLOWMINUSQTY: 1
`;

/** The `file:line:col path: message` lines of the validation error `text` raises. */
function problems(text: string): string[] {
  try {
    parseScheme(text, 'schemes/x.yaml');
  } catch (error) {
    assert.ok(error instanceof SchemeValidationError, String(error));
    assert.equal(error.code, 'validation_failed');
    return error.message.split('\n').slice(1);
  }
  assert.fail('expected a validation error');
}

describe('scheme loader and validator', () => {
  it('loads the shipped market template', async () => {
    const scheme = await loadSchemeFile(path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml'), 'market.yaml');
    assert.equal(scheme.name, 'wdt-warehouse-to-kingdee-stock');
    assert.equal(scheme.file, 'market.yaml');
    assert.deepEqual(scheme.source.params, { page_size: 50 });
    assert.deepEqual(scheme.source.filter, {});
    assert.deepEqual(scheme.target.options, { IsVerifyBaseDataField: false, IsAutoSubmitAndAudit: true });
    assert.deepEqual(scheme.target.update, { separateBatch: true, needUpDateFields: 'mapped', options: { IsAutoSubmitAndAudit: false } });
    assert.deepEqual(scheme.mapping.map((f) => [f.writtenKey, f.key, f.type]).slice(-2), [
      ['FALLOWMINUSQTY', 'FAllowMinusQty', 'boolean'],
      ['FGROUP', 'FGroup', 'reference'],
    ]);
  });

  it('applies defaults, canonical keys and catalogue types; "02" keeps its leading zero even unquoted', () => {
    const scheme = parseScheme(VALID, 'x.yaml');
    assert.equal(scheme.version, '2');
    assert.deepEqual(scheme.source.filter, { status: ['active'], typeCodes: [1, 11] });
    assert.deepEqual(scheme.target.options, { IsVerifyBaseDataField: false, IsAutoSubmitAndAudit: true });
    const byKey = Object.fromEntries(scheme.mapping.map((f) => [f.key, f]));
    assert.deepEqual(byKey.FGroup!.value, { kind: 'constant', value: '02' });
    assert.deepEqual(byKey.FCreateOrgId!.value, { kind: 'constant', value: 100.02 });
    assert.equal(byKey.FStockProperty!.type, 'string');
    assert.equal(byKey.FAllowMinusQty!.type, 'boolean');
  });

  it('points a non-reference org at its line and column', () => {
    assert.deepEqual(problems(VALID.replace('FUseOrgId: { FNumber: "100.02" }', 'FUseOrgId: "100.02"')), [
      'schemes/x.yaml:18:14 mapping.FUseOrgId: reference must be {FNumber: "…"}',
    ]);
    assert.deepEqual(problems(VALID.replace('FUseOrgId: { FNumber: "100.02" }', 'FUseOrgId: { Number: "100.02" }')), [
      'schemes/x.yaml:18:3 mapping.FUseOrgId: reference must be {FNumber: "…"}',
    ]);
  });

  it('reports unknown template variables, bad constants and missing required fields', () => {
    const text = VALID.replace('"{{name}}"', '"{{nmae}}"')
      .replace('FALLOWMINUSQTY: 1', 'FALLOWMINUSQTY: 2')
      .replace('  FNumber: "{{warehouse_no}}"\n', '');
    assert.deepEqual(problems(text), [
      'schemes/x.yaml:15:1 mapping: FNumber is required',
      'schemes/x.yaml:16:10 mapping.FName: unknown template variable {{nmae}} (golden-record fields such as name, warehouse_no, address, or WDT fields)',
      'schemes/x.yaml:21:19 mapping.FALLOWMINUSQTY: 2 is not a boolean (use true/false or 1/0)',
    ]);
  });

  it('names the setting for structural mistakes, typos included', () => {
    const text = VALID.replace('system: wdt', 'system: erp')
      .replace('options: { IsAutoSubmitAndAudit: true }', 'options: { IsAutoSubmitAndAudit: yes, IsVerifyBasedataField: false }')
      .replace('typeCodes: [1, 11]', 'typeCodes: [1, qimen]');
    assert.deepEqual(problems(text), [
      'schemes/x.yaml:4:11 source.system: must be wdt (the only source system so far)',
      'schemes/x.yaml:9:5 source.filter.typeCodes: entries must be whole numbers (WDT type codes)',
      'schemes/x.yaml:14:36 target.options.IsAutoSubmitAndAudit: must be true or false',
      'schemes/x.yaml:14:41 target.options.IsVerifyBasedataField: is not a known setting (check the spelling)',
    ]);
  });

  it('reports YAML syntax errors at their own line and column, not 1:1', () => {
    const [line] = problems(VALID.replace('  FStockProperty: 5\n', '  FStockProperty: [5\n'));
    assert.match(line!, /^schemes\/x\.yaml:(\d+):(\d+) /);
    const [, row] = /:(\d+):/.exec(line!)!;
    assert.ok(Number(row) >= VALID.split('\n').findIndex((l) => l.includes('FStockProperty')) + 1, line);
  });

  it('rejects a form it has no field catalogue for, and fields the form does not have', () => {
    assert.deepEqual(problems(VALID.replace('formId: BD_STOCK', 'formId: BD_STOCK_typo')), [
      'schemes/x.yaml:12:11 target.formId: unknown Kingdee form "BD_STOCK_typo" (this hub can write: BD_STOCK)',
    ]);
    assert.deepEqual(problems(VALID.replace('FStockProperty: 5', 'FStockPropery: 5').replace('FALLOWMINUSQTY: 1', 'FNoSuchField: 1')), [
      'schemes/x.yaml:21:3 mapping.FStockPropery: is not a field of BD_STOCK (did you mean FStockProperty?)',
      'schemes/x.yaml:22:3 mapping.FNoSuchField: is not a field of BD_STOCK',
    ]);
  });

  it('rejects a primary key in the mapping, duplicate keys and update keys that are not mapped', () => {
    const text = VALID.replace('  FStockProperty: 5\n', '  FStockId: 0\n  FStockProperty: 5\n  FSTOCKPROPERTY: 5\n').replace(
      '  options: { IsAutoSubmitAndAudit: true }\n',
      '  options: { IsAutoSubmitAndAudit: true }\n  update: { needUpDateFields: [FName, FTel] }\n',
    );
    const lines = problems(text);
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0]!, /mapping\.FStockId: is set by the sink/);
    assert.match(lines[1]!, /mapping\.FSTOCKPROPERTY: maps FStockProperty a second time/);
    assert.deepEqual(
      problems(
        VALID.replace(
          '  options: { IsAutoSubmitAndAudit: true }\n',
          '  options: { IsAutoSubmitAndAudit: true }\n  update: { needUpDateFields: [FName, FTel] }\n',
        ),
      ),
      ['schemes/x.yaml:15:39 target.update.needUpDateFields.1: FTel is not a mapped field'],
    );
  });
});
