import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { LogMessage } from '../log/message-log.port';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { KingdeeError, KingdeeErrorCode } from './kingdee-client';
import { SchemeDisabledError, SinkGoldenBatchHandler } from './sink-golden-batch.handler';
import { FakeKingdee, failure } from './testing/fake-kingdee';
import { consumed, golden, marketScheme, MemoryRecorder, silentLogger } from './testing/sink-fixtures';
import { sinkUnderTest } from './testing/sink-under-test';

describe('SinkGoldenBatchHandler (fake Kingdee, in-memory recorder and log)', () => {
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
  const saves = () => kingdee.calls.filter((c) => c.service === 'BatchSave');

  it('costs two Kingdee calls per chunk: one look-up of the new numbers, one BatchSave; recorded ids need no look-up', async () => {
    const many = Array.from({ length: 50 }, (_, i) => golden(`N${i}`));
    await sink.handle(consumed(many));
    assert.deepEqual(
      kingdee.calls.map((c) => [c.service, c.numbers.length]),
      [
        ['ExecuteBillQuery', 50],
        ['BatchSave', 50],
      ],
    );
    kingdee.calls.length = 0;
    await sink.handle(consumed(Array.from({ length: 50 }, (_, i) => golden(`N${i}`, 2, { name: `改名${i}` }))));
    assert.deepEqual(
      kingdee.calls.map((c) => [c.service, c.numbers.length]),
      [['BatchSave', 50]],
    );
  });

  it('a batch delivered again after a failed attempt looks every record up by number, recorded ones too', async () => {
    await sink.handle(consumed([golden('A')]));
    kingdee.failCalls = { count: 1, error: new KingdeeError(KingdeeErrorCode.unavailable, 'answer lost') };
    const again = consumed([golden('A', 2, { name: '改名' }), golden('B')]);
    kingdee.calls.length = 0;
    await assert.rejects(sink.handle(again), /answer lost/);
    assert.deepEqual(
      kingdee.calls.map((c) => `${c.service}:${c.numbers.join(',')}`),
      ['ExecuteBillQuery:B', 'BatchSave:B'],
    );
    kingdee.calls.length = 0;
    const report = await sink.handle(again);
    assert.equal(kingdee.calls[0]!.service, 'ExecuteBillQuery');
    assert.deepEqual([...kingdee.calls[0]!.numbers].sort(), ['A', 'B']);
    assert.deepEqual([report.saved, report.updated, report.failed], [1, 1, 0]);
    assert.equal(kingdee.stocks.size, 2, 'nothing created twice');
  });

  it('creates new records, then updates them in place; a redelivered batch writes nothing', async () => {
    const first = await sink.handle(consumed([golden('A'), golden('B'), golden('C')]));
    assert.deepEqual([first.saved, first.updated, first.failed], [3, 0, 0]);
    assert.deepEqual(
      recorder.successes.map((s) => [s.goldenId, s.version, s.fStockId, s.operation, s.correlationId]),
      [
        ['g-A', 1, '100001', 'created', 'corr-test'],
        ['g-B', 1, '100002', 'created', 'corr-test'],
        ['g-C', 1, '100003', 'created', 'corr-test'],
      ],
    );
    const second = await sink.handle(consumed([golden('B', 4, { name: '新名字' })]));
    assert.deepEqual([second.saved, second.updated], [0, 1]);
    assert.deepEqual(recorder.successes.at(-1), {
      ...recorder.successes.at(-1),
      goldenId: 'g-B',
      version: 4,
      fStockId: '100002',
      operation: 'updated',
    });
    kingdee.calls.length = 0;
    const again = await sink.handle(consumed([golden('A'), golden('B', 4)]));
    assert.deepEqual([again.skipped, again.skippedBy], [2, { 'already-synced': 2 }]);
    assert.deepEqual(kingdee.calls, []);
  });

  it('a record Kingdee saved before the answer was lost is found by number and updated, not duplicated', async () => {
    kingdee.stocks.set('A', '100050');
    const report = await sink.handle(consumed([golden('A'), golden('B')]));
    assert.deepEqual([report.saved, report.updated], [1, 1]);
    assert.equal(kingdee.stocks.size, 2);
    assert.deepEqual(recorder.successes.find((s) => s.goldenId === 'g-A')?.fStockId, '100050');
  });

  it('a rejected record goes to the DLQ with a recorded failure while the others are saved', async () => {
    kingdee.rules = [(e, i) => (e.FNumber === 'B' ? failure(i, 'B', KingdeeErrorCode.validation, '仓库编码[B]未通过校验') : undefined)];
    const report = await sink.handle(consumed([golden('A'), golden('B'), golden('C')]));
    assert.deepEqual([report.saved, report.failed], [2, 1]);
    assert.equal(dlq.length, 1);
    const letter = dlq[0]!;
    assert.equal(letter.key, 'g-B');
    assert.equal(letter.headers?.reason, KingdeeErrorCode.validation);
    assert.deepEqual(
      [
        letter.headers?.ce_specversion,
        letter.headers?.ce_type,
        letter.headers?.ce_source,
        letter.headers?.ce_subject,
        letter.headers?.ce_id,
      ],
      ['1.0', 'com.mdm-hub.warehouse.kingdee.dead-lettered.v1', '/mdm-hub/kingdee-sink', 'g-B', 'golden/0/1'],
    );
    const value = JSON.parse(letter.value!);
    assert.deepEqual(
      [value.reason.message, value.message.goldenId, value.message.version, value.source.partition],
      ['仓库编码[B]未通过校验', 'g-B', 1, 0],
    );
    assert.deepEqual(
      recorder.failures.map((f) => [f.goldenId, f.version, f.code, f.permanent]),
      [['g-B', 1, KingdeeErrorCode.validation, true]],
    );
  });

  it('retries a retryable record failure in the batch, and gives up after three attempts', async () => {
    let busy = 2;
    kingdee.rules = [
      (e, i) => (e.FNumber === 'A' && busy-- > 0 ? failure(i, 'A', KingdeeErrorCode.busy, '网控冲突', true) : undefined),
      (e, i) => (e.FNumber === 'B' ? failure(i, 'B', KingdeeErrorCode.busy, '网控冲突', true) : undefined),
    ];
    const report = await sink.handle(consumed([golden('A'), golden('B')]));
    assert.deepEqual([report.saved, report.failed], [1, 1]);
    assert.equal(saves().length, 3);
    assert.match(recorder.failures[0]!.message, /still failing after 3 attempts/);
  });

  it('an `exists` create is sent again as an update with the found FStockId', async () => {
    kingdee.rules = [
      (e, i) =>
        e.FNumber === 'A' && Number(e.FStockId) === 0
          ? (kingdee.stocks.set('A', '100077'), { index: i, number: 'A', status: 'exists' as const, id: '100077' })
          : undefined,
    ];
    const report = await sink.handle(consumed([golden('A')]));
    assert.deepEqual([report.saved, report.updated], [0, 1]);
    assert.deepEqual(
      saves().map((c) => c.numbers),
      [['A'], ['A']],
    );
    assert.equal(recorder.successes[0]?.fStockId, '100077');
  });

  it('a whole-call failure rejects the batch: nothing recorded, nothing dead-lettered', async () => {
    kingdee.failCalls = { count: 1, error: new KingdeeError(KingdeeErrorCode.serverError, 'HTTP 503') };
    await assert.rejects(sink.handle(consumed([golden('A')])), (e: unknown) => e instanceof KingdeeError && e.retryable);
    assert.deepEqual([recorder.successes, recorder.failures, dlq], [[], [], []]);
    const retried = await sink.handle(consumed([golden('A')]));
    assert.equal(retried.saved, 1);
  });

  it('invalid messages are dead-lettered as they came and never block the batch', async () => {
    const batch = consumed([golden('A'), golden('B')]);
    batch[0] = { ...batch[0]!, value: 'not json' };
    const report = await sink.handle(batch);
    assert.deepEqual([report.saved, report.invalid], [1, 1]);
    assert.equal(dlq[0]?.headers?.reason, 'invalid_message');
    assert.equal(JSON.parse(dlq[0]!.value!).raw, 'not json');
    assert.deepEqual(recorder.failures, []);
  });

  it('tombstones (null value, after a retired record) are neither written nor dead-lettered', async () => {
    const batch = consumed([golden('A'), golden('B')]);
    batch.splice(1, 0, { ...batch[0]!, value: null, headers: { tombstone: 'true' }, offset: '7' });
    const report = await sink.handle(batch);
    assert.deepEqual([report.saved, report.invalid, report.failed], [2, 0, 0]);
    assert.deepEqual(dlq, []);
  });

  it('holds batches uncommitted while the scheme is disabled, and writes them once it is enabled', async () => {
    let enabled = false;
    const log = { publish: async () => undefined };
    const switched = new SinkGoldenBatchHandler({
      kingdee,
      recorder,
      log,
      scheme,
      dlqTopic: 'dlq',
      logger: silentLogger,
      schemeEnabled: async () => enabled,
    });
    await assert.rejects(switched.handle(consumed([golden('A')])), SchemeDisabledError);
    assert.deepEqual(kingdee.calls, []);
    enabled = true;
    assert.equal((await switched.handle(consumed([golden('A')]))).saved, 1);
  });
});
