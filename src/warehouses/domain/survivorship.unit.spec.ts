import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GoldenField, GoldenValue } from './golden-fields';
import { Candidate, FieldOverride, SurvivorshipRule, defaultSurvivorshipPolicy, resolveField } from './survivorship';

const wdt = (key: string, value: GoldenValue, observedAt: string): Candidate => ({ source: { system: 'wdt', key }, value, observedAt });
const resolve = (
  candidates: Candidate[],
  options: { rules?: readonly SurvivorshipRule[]; override?: FieldOverride; primary?: string } = {},
) =>
  resolveField('name', options.rules ?? defaultSurvivorshipPolicy.name, {
    candidates: (_f: GoldenField) => candidates,
    overrides: options.override ? { name: options.override } : {},
    primarySource: options.primary ? { system: 'wdt', key: options.primary } : null,
  });

describe('survivorship', () => {
  it('a steward override wins over every source', () => {
    const result = resolve([wdt('A', '上海浦东仓', '2026-01-01')], {
      override: { value: '浦东中心仓', reason: '统一命名', actor: 'li.steward' },
    });
    assert.deepEqual(result, { value: '浦东中心仓', source: { system: 'steward', key: 'li.steward' }, rule: 'override' });
  });

  it('one source decides by source priority', () => {
    assert.deepEqual(resolve([wdt('A', '上海浦东仓', '2026-01-01')]), {
      value: '上海浦东仓',
      source: { system: 'wdt', key: 'A' },
      rule: 'sourcePriority',
    });
  });

  it('prefers the higher-priority system, whatever the recency', () => {
    const rules: SurvivorshipRule[] = [{ kind: 'sourcePriority', systems: ['wdt', 'kingdee'] }, { kind: 'mostRecent' }];
    const kingdee: Candidate = { source: { system: 'kingdee', key: '100.01' }, value: '浦东仓(金蝶)', observedAt: '2026-06-01' };
    assert.equal(resolve([kingdee, wdt('A', '上海浦东仓', '2026-01-01')], { rules })?.value, '上海浦东仓');
  });

  it('within one system the primary source comes first, then the most recent', () => {
    const candidates = [wdt('A', '上海浦东仓', '2026-01-01'), wdt('B', '浦东仓库', '2026-05-01'), wdt('C', '浦东老仓', '2026-03-01')];
    assert.deepEqual(resolve(candidates, { primary: 'A' })?.rule, 'primarySource');
    assert.equal(resolve(candidates, { primary: 'A' })?.value, '上海浦东仓');
    assert.deepEqual(resolve(candidates, { primary: 'Z' }), { value: '浦东仓库', source: { system: 'wdt', key: 'B' }, rule: 'mostRecent' });
  });

  it('an empty value never beats a real one; all empty resolves to empty', () => {
    assert.equal(resolve([wdt('A', null, '2026-05-01'), wdt('B', '浦东仓', '2026-01-01')], { primary: 'A' })?.value, '浦东仓');
    assert.equal(resolve([wdt('A', null, '2026-05-01')])?.value, null);
  });

  it('breaks exact ties on the source key so every replay agrees', () => {
    assert.equal(resolve([wdt('B', '乙', '2026-01-01'), wdt('A', '甲', '2026-01-01')])?.value, '甲');
  });

  it('no candidates, no value', () => assert.equal(resolve([]), null));
});
