import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventsOf, foldEvents, meta, observe, wdtWarehouse } from '../testing/fixtures';
import { WarehouseCommand } from './commands';
import { goldenChangeOf, publishedRecord, publishedSources } from './published-record';
import { initialState } from './state';

const created = eventsOf([], observe(wdtWarehouse({ type: 11 })), meta(0));
/** goldenChangeOf for the last event `command` produced after `history`. */
const changeAfter = (history: typeof created, command: WarehouseCommand) => {
  const all = eventsOf(history, command);
  return goldenChangeOf(all.at(-1)!, foldEvents(history), foldEvents(all));
};

describe('published record', () => {
  it('is the golden record with the type label and no internal state', () => {
    const record = publishedRecord(foldEvents(created));
    assert.equal(record.warehouseNo, 'SH-PD-01');
    assert.equal(record.typeLabel, '奇门仓储');
    assert.equal(record.status, 'active');
    assert.equal(record.mergedInto, null);
    assert.equal(publishedSources(foldEvents(created)).wdt?.telno, '021-5888 1234');
  });

  it('creation publishes every field', () => {
    const change = goldenChangeOf(created[0]!, initialState(), foldEvents(created));
    assert.equal(change?.change, 'created');
    assert.ok(change?.changedFields.includes('typeLabel'));
  });

  it('an update lists the changed fields (a type change includes its label)', () => {
    assert.deepEqual(changeAfter(created, observe(wdtWarehouse({ type: 12, telno: '021-66667777' }))), {
      change: 'updated',
      changedFields: ['typeCode', 'typeLabel', 'telno'],
    });
  });

  it('sync results, tasks and provenance-only changes publish nothing; a resync publishes with no changed fields', () => {
    assert.equal(
      changeAfter(created, {
        type: 'RecordKingdeeSyncResult',
        outcome: 'success',
        version: 1,
        fStockId: '1',
        fNumber: 'SH-PD-01',
        operation: 'created',
      }),
      null,
    );
    assert.equal(changeAfter(created, { type: 'OverrideField', field: 'name', value: '上海浦东仓', reason: '确认' }), null);
    assert.equal(changeAfter(created, { type: 'FlagMissingInWdt', warehouseNo: 'SH-PD-01', syncRunId: 'r' }), null);
    assert.deepEqual(changeAfter(created, { type: 'RequestKingdeeResync', reason: 'x' }), { change: 'updated', changedFields: [] });
  });

  it('retirement publishes retired with status (and mergedInto when merged)', () => {
    assert.deepEqual(changeAfter(created, { type: 'RetireGoldenRecord', reason: '关闭' }), {
      change: 'retired',
      changedFields: ['status'],
    });
    assert.equal(publishedRecord(foldEvents(eventsOf(created, { type: 'RetireGoldenRecord', reason: '关闭' }))).status, 'retired');
  });

  it('refuses to publish a record that does not exist', () => assert.throws(() => publishedRecord(initialState())));
});
