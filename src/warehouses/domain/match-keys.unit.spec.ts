import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateKeys, matchKeys } from './match-keys';
import { MatchProfile, suspectDuplicates } from './matching';

const profile = (i: number, name: string, address: string | null, province = '上海市', city = '上海市'): MatchProfile => ({
  goldenId: `wh_${i}`,
  warehouseNo: `NO${i}`,
  name,
  address,
  province,
  city,
  district: '浦东新区',
});

const NAMES = ['上海浦东仓', '上海浦东仓库', '上海浦东二号仓', '上海浦东2号仓', '上海浦东3号仓', '浦东冷链仓', '华东一号仓'];
const ADDRESSES = [
  null,
  '',
  '川沙路5188号',
  '浦东新区川沙路5188号1号门',
  '川沙路5180号',
  '川沙路',
  '上海市浦东新区川沙路1号',
  '川沙路五号库',
];
const REGIONS: [string, string][] = [
  ['上海市', '上海市'],
  ['上海', '上海'],
  ['江苏省', '苏州市'],
];

describe('match keys', () => {
  const all = REGIONS.flatMap(([province, city]) =>
    NAMES.flatMap((name) => ADDRESSES.map((address) => ({ name, address, province, city }))),
  );
  const profiles = all.map((p, i) => profile(i, p.name, p.address, p.province, p.city));

  it('every record a subject could be suspected a duplicate of shares one of its candidate keys', () => {
    let suspected = 0;
    for (const subject of profiles) {
      const probes = new Set(candidateKeys(subject));
      for (const other of profiles) {
        if (suspectDuplicates(subject, [other], new Set()).length === 0) continue;
        suspected += 1;
        assert.ok(
          matchKeys(other).some((k) => probes.has(k)),
          `${subject.name}/${subject.address} should find ${other.name}/${other.address}`,
        );
      }
    }
    assert.ok(suspected > 50, `the cases exercise suspicions (${suspected})`);
  });

  it('leaves out records whose street number differs, in another region or without a region', () => {
    const probes = new Set(candidateKeys(profile(1, '上海浦东仓', '川沙路5188号')));
    const found = (p: MatchProfile) => matchKeys(p).some((k) => probes.has(k));
    assert.equal(found(profile(2, '上海浦东仓库', '川沙路5180号')), false);
    assert.equal(found(profile(3, '上海浦东仓库', '川沙路5188号', '江苏省', '苏州市')), false);
    assert.equal(found(profile(4, '上海浦东仓库', '川沙路5188号', '上海市', null as unknown as string)), false);
    assert.equal(found(profile(5, '上海浦东仓库', '上海浦东新区川沙路5188号B座')), true);
    assert.equal(found(profile(6, '上海浦东仓库', null)), true, 'no address: compared by name');
  });
});
