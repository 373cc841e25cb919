import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { planBatch } from './batch-plan';
import type { KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';
import { parseSinkMessages } from './sink-messages';
import { consumed, golden, marketScheme } from './testing/sink-fixtures';

const synced = (version: number, fStockId = '100001'): KingdeeSyncState => ({ syncedVersion: version, fStockId, fNumber: 'X' });

describe('planBatch', () => {
  let scheme: IntegrationScheme;
  before(async () => {
    scheme = await marketScheme();
  });
  const plan = (messages: ReturnType<typeof golden>[], states = new Map<string, KingdeeSyncState>(), s = scheme) =>
    planBatch(parseSinkMessages(consumed(messages)).valid, states, s);
  const written = (p: ReturnType<typeof plan>) => p.write.map((m) => `${m.message.goldenId}@${m.message.version}`);

  it('keeps only the newest version of each golden record, in batch order', () => {
    const p = plan([golden('A', 3), golden('B', 1), golden('A', 5), golden('A', 4)]);
    assert.deepEqual(written(p), ['g-B@1', 'g-A@5']);
    assert.deepEqual(
      p.skipped.map((s) => [s.goldenId, s.version, s.reason]),
      [
        ['g-A', 3, 'superseded'],
        ['g-A', 4, 'superseded'],
      ],
    );
  });

  it('skips versions Kingdee already has (at-least-once redelivery) but writes newer ones', () => {
    const p = plan(
      [golden('A', 3), golden('B', 7), golden('C', 2)],
      new Map([
        ['g-A', synced(3)],
        ['g-B', synced(5)],
        ['g-C', synced(9)],
      ]),
    );
    assert.deepEqual(written(p), ['g-B@7']);
    assert.deepEqual(
      p.skipped.map((s) => [s.goldenId, s.reason, s.detail]),
      [
        ['g-A', 'already-synced', 'Kingdee already has v3'],
        ['g-C', 'already-synced', 'Kingdee already has v9'],
      ],
    );
  });

  it('never writes retired or merged-away records (they are to be forbidden), even when an older active version is in the batch', () => {
    const retired = { ...golden('A', 6, { status: 'retired' }), change: 'retired' as const };
    const merged = golden('B', 4, { status: 'retired', mergedInto: 'g-Z' });
    const p = plan([golden('A', 5), retired, merged, golden('C', 1)]);
    assert.deepEqual(written(p), ['g-C@1']);
    assert.deepEqual(
      p.retire.map((m) => `${m.message.goldenId}@${m.message.version}`),
      ['g-A@6', 'g-B@4'],
    );
    assert.deepEqual(
      p.skipped.map((s) => [s.goldenId, s.version, s.reason]),
      [['g-A', 5, 'superseded']],
    );
    const redelivered = plan([retired], new Map([['g-A', { ...synced(6), forbidden: true }]]));
    assert.deepEqual([redelivered.retire.length, redelivered.skipped[0]?.reason], [0, 'already-synced']);
  });

  it("applies the scheme's source filter", () => {
    const onlyActiveQimen: IntegrationScheme = { ...scheme, source: { ...scheme.source, filter: { status: ['active'], typeCodes: [11] } } };
    const p = plan([golden('A', 1), golden('B', 1, { status: 'disabled' }), golden('C', 1, { typeCode: 1 })], new Map(), onlyActiveQimen);
    assert.deepEqual(written(p), ['g-A@1']);
    assert.deepEqual(
      p.skipped.map((s) => [s.goldenId, s.reason]),
      [
        ['g-B', 'filtered'],
        ['g-C', 'filtered'],
      ],
    );
    assert.match(p.skipped[1]!.detail, /warehouse type 1 is not in \[11\]/);
  });
});

describe('parseSinkMessages', () => {
  it('sets aside messages that are not JSON or break the v1 schema, keeping the rest', () => {
    const [good, broken, wrong] = consumed([golden('A'), golden('B'), golden('C')]);
    const batch = [good!, { ...broken!, value: '{"schema":' }, { ...wrong!, value: JSON.stringify({ ...golden('C'), version: 0 }) }];
    const { valid, poison } = parseSinkMessages(batch);
    assert.deepEqual(
      valid.map((v) => v.message.goldenId),
      ['g-A'],
    );
    assert.equal(poison.length, 2);
    assert.match(poison[0]!.problems[0]!, /not JSON/);
    assert.match(poison[1]!.problems.join(), /version/);
  });
});
