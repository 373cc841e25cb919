import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalisePhone } from './phone';
import { cleanText, compactForMatching, toHalfWidth } from '../../shared/domain/text';

describe('text normalisation', () => {
  it('folds full-width letters, digits, punctuation and the ideographic space to half-width', () => {
    assert.equal(toHalfWidth('ＳＨ－ＰＤ０１（浦东）　仓'), 'SH-PD01(浦东) 仓');
  });

  it('trims, collapses inner whitespace and treats blank as null', () => {
    assert.equal(cleanText('  上海　 浦东\t仓  '), '上海 浦东 仓');
    assert.equal(cleanText(' 　 '), null);
    assert.equal(cleanText(undefined), null);
  });

  it('leaves Chinese characters alone', () => {
    assert.equal(cleanText('广西壮族自治区南宁市'), '广西壮族自治区南宁市');
  });

  it('compacts text for matching: no spaces, punctuation or case', () => {
    assert.equal(compactForMatching('上海 浦东-仓（Ａ区）'), '上海浦东仓a区');
  });
});

describe('phone normalisation', () => {
  const cases: [string, string, string][] = [
    ['138 0013 8000', '13800138000', 'mobile'],
    ['+86 138-0013-8000', '13800138000', 'mobile'],
    ['0086 13800138000', '13800138000', 'mobile'],
    ['８６１３８００１３８０００', '13800138000', 'mobile'],
    ['021-12345678', '021-12345678', 'landline'],
    ['(021) 1234 5678', '021-12345678', 'landline'],
    ['（０２１）１２３４５６７８', '021-12345678', 'landline'],
    ['02112345678', '021-12345678', 'landline'],
    ['+86 21 12345678', '021-12345678', 'landline'],
    ['010-87654321', '010-87654321', 'landline'],
    ['0755 8888 6666', '0755-88886666', 'landline'],
    ['0571-8765432', '0571-8765432', 'landline'],
    ['021-12345678转801', '021-12345678-801', 'landline'],
    ['021-12345678-801', '021-12345678-801', 'landline'],
    ['58881234', '58881234', 'local'],
    ['请联系张经理', '请联系张经理', 'invalid'],
  ];
  for (const [input, value, kind] of cases) {
    it(`${input} → ${value} (${kind})`, () => assert.deepEqual(normalisePhone(input), { value, kind }));
  }

  it('treats blank as no phone', () => {
    assert.equal(normalisePhone('  '), null);
    assert.equal(normalisePhone(undefined), null);
  });
});
