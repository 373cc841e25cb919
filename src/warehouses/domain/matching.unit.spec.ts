import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MatchProfile, suspectDuplicates } from './matching';
import { addressCore, bigramDice, numbersConflict, numbersOf } from '../../shared/domain/similarity';

const profile = (
  goldenId: string,
  warehouseNo: string,
  name: string,
  address: string | null,
  province = '上海市',
  city = '上海市',
  district: string | null = '浦东新区',
): MatchProfile => ({ goldenId, warehouseNo, name, address, province, city, district });

describe('bigram Dice similarity', () => {
  it('scores the examples the thresholds were tuned on', () => {
    assert.equal(bigramDice('上海浦东仓', '上海浦东仓'), 1);
    assert.equal(round(bigramDice('上海浦东仓', '上海浦东仓库')), 0.89);
    assert.equal(round(bigramDice('华东一号仓', '华东二号仓')), 0.5);
    assert.equal(round(bigramDice('北京朝阳仓', '北京顺义仓')), 0.25);
    assert.equal(bigramDice('广州白云仓', '成都双流仓'), 0);
  });

  it('ignores width, spacing and punctuation', () => {
    assert.equal(bigramDice('上海 浦东-仓（Ａ）', '上海浦东仓(a)'), 1);
  });

  it('is 0 for empty text', () => assert.equal(bigramDice('', '上海'), 0));

  it('reads the numbers that tell records apart', () => {
    assert.deepEqual([...numbersOf('华东二号仓（０３）')], ['2', '3']);
    assert.equal(numbersConflict('川沙路5188号', '川沙路5188号1号门'), false);
    assert.equal(numbersConflict('物流园路100号', '物流园路108号'), true);
    assert.equal(numbersConflict('上海浦东仓', '上海浦东1号仓'), false);
  });

  it('compares addresses without the repeated 省/市/区', () => {
    assert.equal(addressCore('上海市浦东新区川沙路5188号', ['上海市', '上海市', '浦东新区']), '川沙路5188号');
    assert.equal(addressCore('广东省深圳市宝安区福永街道凤凰路8号', ['广东省', '深圳市', '宝安区']), '福永街道凤凰路8号');
    assert.equal(addressCore('川沙路5188号', ['上海市', '上海市', '浦东新区']), '川沙路5188号');
  });
});

describe('suspected duplicates', () => {
  const subject = profile('wh_a', 'SH-PD-01', '上海浦东仓', '上海市浦东新区川沙路5188号');

  it('suspects a record with another code, a near-identical name and address in the same 省/市', () => {
    const other = profile('wh_b', 'SHPD1', '上海浦东仓库', '浦东新区川沙路5188号1号门');
    const [suspect, ...rest] = suspectDuplicates(subject, [other], new Set());
    assert.equal(rest.length, 0);
    assert.equal(suspect!.other.goldenId, 'wh_b');
    assert.ok(suspect!.score >= 0.7, String(suspect!.score));
    assert.match(suspect!.reasons.join('; '), /name similarity 0\.89/);
  });

  it('does not suspect two real warehouses in one logistics park', () => {
    const a = profile('wh_a', 'HD-01', '华东一号仓', '嘉定区兴贤路1368号', '上海市', '上海市', '嘉定区');
    const b = profile('wh_b', 'HD-02', '华东二号仓', '嘉定区兴贤路1368号', '上海市', '上海市', '嘉定区');
    assert.deepEqual(suspectDuplicates(a, [b], new Set()), []);
  });

  it('never suspects records whose names or house numbers disagree', () => {
    const third = profile('wh_b', 'X', '上海浦东3号仓', '川沙路5188号');
    assert.deepEqual(suspectDuplicates({ ...subject, name: '上海浦东8号仓' }, [third], new Set()), []);
    assert.deepEqual(suspectDuplicates({ ...subject, name: '上海浦东二号仓' }, [{ ...third, name: '上海浦东2号仓' }], new Set()).length, 1);
    assert.deepEqual(suspectDuplicates(subject, [profile('wh_c', 'Y', '上海浦东仓库', '川沙路5180号')], new Set()), []);
  });

  it('requires the same 省 and 市 (spelled either way)', () => {
    const elsewhere = profile('wh_b', 'X', '上海浦东仓库', '川沙路5188号', '江苏省', '苏州市');
    assert.deepEqual(suspectDuplicates(subject, [elsewhere], new Set()), []);
    const shortSpelling = profile('wh_c', 'Y', '上海浦东仓库', '川沙路5188号', '上海', '上海');
    assert.equal(suspectDuplicates(subject, [shortSpelling], new Set()).length, 1);
  });

  it('without an address only a near-identical name is suspicious', () => {
    assert.equal(suspectDuplicates(subject, [profile('wh_b', 'X', '上海浦东仓', null)], new Set()).length, 1);
    assert.equal(suspectDuplicates(subject, [profile('wh_b', 'X', '上海浦东仓库', null)], new Set()).length, 1); // 0.89
    assert.equal(suspectDuplicates(subject, [profile('wh_c', 'Y', '上海浦东二仓', null)], new Set()).length, 0); // 0.67
  });

  it('skips itself, the same warehouse_no and excluded records', () => {
    const twin = profile('wh_b', 'X', '上海浦东仓', '川沙路5188号');
    assert.deepEqual(suspectDuplicates(subject, [subject, { ...twin, warehouseNo: 'SH-PD-01' }], new Set()), []);
    assert.deepEqual(suspectDuplicates(subject, [twin], new Set(['wh_b'])), []);
  });
});

const round = (n: number) => Math.round(n * 100) / 100;
