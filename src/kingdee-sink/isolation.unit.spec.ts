import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { LogMessage } from '../log/message-log.port';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { KingdeeError, KingdeeErrorCode } from './kingdee-client';
import { ISOLATE_AFTER } from './isolation';
import { SinkGoldenBatchHandler } from './sink-golden-batch.handler';
import { FakeKingdee } from './testing/fake-kingdee';
import { consumed, golden, marketScheme, MemoryRecorder } from './testing/sink-fixtures';
import { sinkUnderTest } from './testing/sink-under-test';

const exception = () => new KingdeeError(KingdeeErrorCode.serverException, 'Kingdee BatchSave: 服务端发生未处理的异常');

describe('a record that makes Kingdee fail the whole BatchSave', () => {
  let scheme: IntegrationScheme;
  let kingdee: FakeKingdee;
  let recorder: MemoryRecorder;
  let dlq: LogMessage[];
  let sink: SinkGoldenBatchHandler;
  before(async () => {
    scheme = await marketScheme();
  });
  beforeEach(() => {
    ({ kingdee, recorder, dlq, sink } = sinkUnderTest(scheme));
  });
  const batch = consumed([golden('A'), golden('B'), golden('C')]);
  const failDeliveries = async (n: number) => {
    for (let i = 0; i < n; i++) await assert.rejects(sink.handle(batch), KingdeeError);
  };

  it(`is isolated after ${ISOLATE_AFTER} failed deliveries: the others are saved, it is dead-lettered`, async () => {
    kingdee.failWhen = (model) => (model.some((m) => m.FNumber === 'B') ? exception() : undefined);
    await failDeliveries(ISOLATE_AFTER);
    const report = await sink.handle(batch);
    assert.deepEqual([report.saved, report.failed], [2, 1]);
    assert.deepEqual(
      recorder.failures.map((f) => [f.goldenId, f.code]),
      [['g-B', KingdeeErrorCode.serverException]],
    );
    assert.match(recorder.failures[0]!.message, /for this record alone/);
    assert.equal(dlq[0]?.key, 'g-B');
  });

  it('keeps the batch uncommitted when Kingdee fails every record alone too (nothing shows it is one record)', async () => {
    kingdee.failWhen = () => exception();
    await failDeliveries(ISOLATE_AFTER + 2);
    assert.deepEqual([recorder.failures, dlq], [[], []]);
  });

  it('never isolates for network trouble: Kingdee down is not a record’s fault', async () => {
    kingdee.failCalls = { count: ISOLATE_AFTER + 1, error: new KingdeeError(KingdeeErrorCode.unavailable, 'ECONNREFUSED') };
    await failDeliveries(ISOLATE_AFTER + 1);
    kingdee.calls.length = 0;
    assert.equal((await sink.handle(batch)).saved, 3);
    assert.deepEqual(
      kingdee.calls.filter((c) => c.service === 'BatchSave').map((c) => c.numbers),
      [['A', 'B', 'C']],
    );
  });
});
