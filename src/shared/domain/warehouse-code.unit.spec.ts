import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeOf, warehouseCode } from './warehouse-code';

describe('warehouseCode', () => {
  it('folds full-width letters, digits and hyphens to half-width', () => {
    assert.equal(warehouseCode('ＷＨ－ＦＷ０１'), 'WH-FW01');
    assert.equal(warehouseCode('ｗｈ－ｆｗ０１'), 'wh-fw01');
    assert.equal(warehouseCode('ＳＨ＿ＰＤ．０１'), 'SH_PD.01');
  });

  it('drops leading and trailing whitespace, ideographic spaces and tabs included', () => {
    assert.equal(warehouseCode('WH-SP-02 '), 'WH-SP-02');
    assert.equal(warehouseCode('\u3000WH-SP-02\t'), 'WH-SP-02');
    assert.equal(warehouseCode(' ＷＨ－ＳＰ－０２　'), 'WH-SP-02');
  });

  it('keeps inner spaces (collapsed to one) and letter case: those may be other warehouses', () => {
    assert.equal(warehouseCode('A  1'), 'A 1');
    assert.equal(warehouseCode('A\u30001'), 'A 1');
    assert.notEqual(warehouseCode('A 1'), warehouseCode('A1'));
    assert.notEqual(warehouseCode('wh-01'), warehouseCode('WH-01'));
  });

  it('leaves CJK text and other dashes as typed', () => {
    assert.equal(warehouseCode('北京仓—01'), '北京仓—01');
    assert.equal(warehouseCode('上海（主）'), '上海(主)');
  });

  it('gives the same code for every spelling of one warehouse, and is idempotent', () => {
    const spellings = ['WH-FW01', 'ＷＨ－ＦＷ０１', ' WH-FW01 ', 'ＷＨ-FW０1　'];
    assert.deepEqual(new Set(spellings.map(warehouseCode)), new Set(['WH-FW01']));
    for (const s of spellings) assert.equal(warehouseCode(warehouseCode(s)), warehouseCode(s));
  });

  it('is null when nothing but whitespace was typed', () => {
    assert.equal(warehouseCode(''), null);
    assert.equal(warehouseCode(' \u3000 '), null);
    assert.equal(warehouseCode(undefined), null);
    assert.equal(codeOf('  '), '  ');
  });
});
