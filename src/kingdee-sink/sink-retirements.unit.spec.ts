import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { KingdeeError, KingdeeErrorCode } from './kingdee-client';
import { FakeKingdee } from './testing/fake-kingdee';
import { consumed, golden, marketScheme, MemoryRecorder } from './testing/sink-fixtures';
import { sinkUnderTest } from './testing/sink-under-test';
import type { SinkGoldenBatchHandler } from './sink-golden-batch.handler';

const retired = (no: string, version: number, mergedInto: string | null = null) => ({
  ...golden(no, version, { status: 'retired', mergedInto }),
  change: 'retired' as const,
});

describe('Kingdee sink: retirement and restore reach Kingdee (Forbid / Enable)', () => {
  let scheme: IntegrationScheme;
  let kingdee: FakeKingdee;
  let recorder: MemoryRecorder;
  let sink: SinkGoldenBatchHandler;
  before(async () => {
    scheme = await marketScheme();
  });
  beforeEach(() => {
    ({ kingdee, recorder, sink } = sinkUnderTest(scheme));
  });
  const services = () => kingdee.calls.map((c) => `${c.service}:${c.numbers.join(',')}`);

  it('forbids the BD_STOCK of a merged-away record by FStockId and records it; the survivor is updated', async () => {
    await sink.handle(consumed([golden('A'), golden('B')]));
    kingdee.calls.length = 0;
    const report = await sink.handle(consumed([golden('A', 3, { name: '合并后' }), retired('B', 2, 'g-A')]));
    assert.deepEqual([report.updated, report.forbidden, report.failed], [1, 1, 0]);
    // A's FStockId is recorded: updated without a look-up. Forbidding still reads B's FForbidStatus.
    assert.deepEqual(services(), ['BatchSave:A', 'ExecuteBillQuery:B', 'Forbid:100002']);
    assert.ok(kingdee.forbidden.has('100002') && !kingdee.forbidden.has('100001'));
    assert.deepEqual(
      recorder.retirements.map((r) => [r.goldenId, r.version, r.outcome, r.outcome === 'forbidden' ? r.fStockId : null]),
      [['g-B', 2, 'forbidden', '100002']],
    );
  });

  it('a record never written to Kingdee is recorded as not in Kingdee, with no Kingdee write', async () => {
    const report = await sink.handle(consumed([retired('N', 2)]));
    assert.deepEqual([report.forbidden, report.skipped, report.skippedBy], [0, 1, { 'not-in-kingdee': 1 }]);
    assert.deepEqual(services(), ['ExecuteBillQuery:N']);
    assert.deepEqual(
      recorder.retirements.map((r) => [r.goldenId, r.outcome]),
      [['g-N', 'not-in-kingdee']],
    );
  });

  it('an already forbidden BD_STOCK needs no call; a redelivered retirement is skipped', async () => {
    await sink.handle(consumed([golden('A')]));
    kingdee.forbidden.add('100001');
    kingdee.calls.length = 0;
    await sink.handle(consumed([retired('A', 2)]));
    assert.deepEqual(services(), ['ExecuteBillQuery:A']);
    assert.equal(recorder.retirements[0]!.outcome, 'forbidden');
    kingdee.calls.length = 0;
    const again = await sink.handle(consumed([retired('A', 2)]));
    assert.deepEqual([again.skippedBy, services()], [{ 'already-synced': 1 }, []]);
  });

  it('falls back to the recorded FStockId when the number is not found; Kingdee not knowing it means not in Kingdee', async () => {
    await sink.handle(consumed([golden('A')]));
    kingdee.stocks.delete('A');
    kingdee.stocks.set('A-RENAMED', '100001');
    await sink.handle(consumed([retired('A', 2)]));
    assert.deepEqual(services().slice(-2), ['ExecuteBillQuery:A', 'Forbid:100001']);
    kingdee.stocks.clear();
    recorder.states.set('g-B', { syncedVersion: 1, fStockId: '999', fNumber: 'B' });
    await sink.handle(consumed([retired('B', 2)]));
    assert.deepEqual(
      recorder.retirements.map((r) => [r.goldenId, r.outcome]),
      [
        ['g-A', 'forbidden'],
        ['g-B', 'not-in-kingdee'],
      ],
    );
  });

  it('a restored record the hub forbade is enabled before it is written again', async () => {
    await sink.handle(consumed([golden('A')]));
    await sink.handle(consumed([retired('A', 2)]));
    kingdee.calls.length = 0;
    const report = await sink.handle(consumed([golden('A', 3, { name: '恢复使用' })]));
    assert.deepEqual(services(), ['ExecuteBillQuery:A', 'Enable:100001', 'BatchSave:A']);
    assert.equal(report.updated, 1);
    assert.equal(kingdee.forbidden.size, 0);
    assert.equal(recorder.successes.at(-1)!.version, 3);
  });

  it('a whole-call failure of Forbid throws (nothing recorded, the batch comes again); a permanent record failure is dead-lettered', async () => {
    await sink.handle(consumed([golden('A')]));
    kingdee.failCalls = { count: 1, error: new KingdeeError(KingdeeErrorCode.unavailable, 'down') };
    await assert.rejects(sink.handle(consumed([retired('A', 2)])), /down/);
    assert.deepEqual(recorder.retirements, []);
    const refusing = new FakeKingdee();
    refusing.stocks.set('C', '100009');
    refusing.executeOperation = async () => [
      {
        index: 0,
        target: '100009',
        status: 'failed',
        error: { code: KingdeeErrorCode.permissionDenied, message: '没有权限', fieldName: undefined, msgCode: 2, retryable: false },
      },
    ];
    const other = sinkUnderTest(scheme, { kingdee: refusing });
    const report = await other.sink.handle(consumed([retired('C', 2)]));
    assert.equal(report.failed, 1);
    assert.deepEqual(
      other.recorder.failures.map((f) => [f.goldenId, f.version, f.code]),
      [['g-C', 2, 'kingdee_permission_denied']],
    );
    assert.equal(other.dlq.length, 1);
  });
});
