import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoredEvent } from '../event-store/stored-event';
import { GoldenWarehouseRecord } from '../contracts/golden-record-changed.v1';
import { GoldenRecordFold } from './golden-record-fold';
import { goldenMessageFor, logMessagesFor, toLogMessage } from './golden-record-publisher';
import { goldenMessageProblems } from './golden-message-schema';

type State = { id: string; name: string; raw?: Record<string, unknown> };
const record = (s: State): GoldenWarehouseRecord => ({
  warehouseNo: 'WH001',
  name: s.name,
  typeCode: 1,
  typeLabel: '普通仓库',
  status: 'active',
  isDefect: false,
  province: '上海市',
  city: '上海市',
  district: '青浦区',
  address: '华新镇 1 号',
  contact: null,
  telno: null,
  mobile: '13800138000',
  zip: null,
  remark: null,
  extWarehouseNo: null,
  coordinates: null,
  mergedInto: null,
});
const fold: GoldenRecordFold<State> = {
  isGoldenStream: (id) => id.startsWith('warehouse-'),
  initialState: () => ({ id: '', name: '' }),
  evolve: (s, e) =>
    e.type === 'Named' ? { ...s, id: 'wh_1', name: (e.data as { name: string }).name, raw: { warehouse_no: 'WH001' } } : s,
  goldenChangeOf: (e, before, after) =>
    e.type !== 'Named' ? null : { change: before.id ? 'updated' : 'created', changedFields: before.name !== after.name ? ['name'] : [] },
  goldenId: (s) => s.id,
  publishedRecord: record,
  wdtSource: (s) => s.raw,
};
const event = (version: number, type: string, data: unknown): StoredEvent => ({
  globalPosition: String(100 + version),
  transactionId: '9',
  eventId: `00000000-0000-4000-8000-00000000000${version}`,
  streamId: 'warehouse-wh_1',
  streamVersion: version,
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: 'sync-1', actor: 'wdt-sync', occurredAt: '2026-11-28T09:00:00.000Z' },
  occurredAt: new Date('2026-11-28T09:00:00.000Z'),
  recordedAt: new Date('2026-11-28T09:00:00.100Z'),
});

describe('golden record publisher', () => {
  const history = [event(1, 'Named', { name: '上海仓' }), event(2, 'Synced', {}), event(3, 'Named', { name: '上海青浦仓' })];

  it('publishes a created message keyed by golden id that satisfies the committed JSON Schema', () => {
    const message = goldenMessageFor(history[0]!, history.slice(0, 1), fold)!;
    assert.equal(message.change, 'created');
    assert.equal(message.version, 1);
    assert.equal(message.position, '101');
    assert.deepEqual(message.sources, { wdt: { warehouse_no: 'WH001' } });
    assert.deepEqual(goldenMessageProblems(message), []);
    const wire = toLogMessage(message);
    assert.equal(wire.key, 'wh_1');
    assert.equal(wire.headers?.['correlation-id'], 'sync-1');
    assert.deepEqual(JSON.parse(wire.value!), message);
  });

  it("adds the CloudEvents 1.0 binary-mode headers to the hub's own", () => {
    const message = goldenMessageFor(history[0]!, history.slice(0, 1), fold)!;
    assert.deepEqual(toLogMessage(message).headers, {
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_id: message.eventId,
      ce_source: '/mdm-hub/warehouses',
      ce_type: 'com.mdm-hub.warehouse.golden.changed.v1',
      ce_subject: 'wh_1',
      ce_time: '2026-11-28T09:00:00.000Z',
      schema: 'mdm.warehouse.golden/1',
      'event-id': message.eventId,
      version: '1',
      'correlation-id': 'sync-1',
    });
  });

  it('follows a retirement (final) with a tombstone for the key; other changes get none', () => {
    const message = goldenMessageFor(history[2]!, history, fold)!;
    assert.equal(logMessagesFor(message).length, 1);
    const [final, tombstone] = logMessagesFor({ ...message, change: 'retired' });
    assert.equal(JSON.parse(final!.value!).change, 'retired');
    assert.deepEqual([tombstone?.key, tombstone?.value], ['wh_1', null]);
  });

  it('publishes nothing for events that leave the record unchanged', () => {
    assert.equal(goldenMessageFor(history[1]!, history.slice(0, 2), fold), null);
  });

  it('publishes an update with the stream version and the changed fields', () => {
    const message = goldenMessageFor(history[2]!, history, fold)!;
    assert.equal(message.change, 'updated');
    assert.equal(message.version, 3);
    assert.deepEqual(message.changedFields, ['name']);
    assert.equal(message.record.name, '上海青浦仓');
  });

  it('the schema rejects a message that breaks the contract', () => {
    const message = goldenMessageFor(history[0]!, history.slice(0, 1), fold)!;
    assert.ok(goldenMessageProblems({ ...message, version: 0 }).length > 0);
    assert.ok(goldenMessageProblems({ ...message, record: { ...message.record, status: 'gone' } }).length > 0);
    assert.ok(goldenMessageProblems({ ...message, extra: 1 }).length > 0);
  });
});
