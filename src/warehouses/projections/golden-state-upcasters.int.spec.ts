import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UpcasterRegistry } from '../../event-store/upcasters';
import { streamIdOf } from '../domain/events';
import { wdtWarehouse } from '../testing/fixtures';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../testing/test-kit';

/** A KingdeeSyncSucceeded of an older schema (0) that named the BD_STOCK fields differently. */
const renameStockFields = {
  type: 'KingdeeSyncSucceeded',
  fromVersion: 0,
  upcast: (data: unknown) => {
    const { stockId, stockNumber, ...rest } = data as { stockId: string; stockNumber: string };
    return { ...rest, fStockId: stockId, fNumber: stockNumber };
  },
};

describe('an upcaster registered once applies to every read of warehouse events (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  let goldenId: string;
  const syncStatus = async () =>
    (await kit.db.dataSource.query(`SELECT f_stock_id, f_number FROM warehouse_sync_status WHERE golden_id = $1`, [goldenId]))[0];

  before(async () => {
    kit = await createWarehousesTestKit('golden_state_upcasters', new UpcasterRegistry([renameStockFields]));
    const [outcome] = await kit.warehouses.observationRecorder.recordObservations([wdtWarehouse()], syncContext('run-1', 0));
    goldenId = outcome!.goldenId;
    await kit.catchUp();
    const [row] = await kit.db.dataSource.query(`SELECT version FROM golden_warehouses WHERE golden_id = $1`, [goldenId]);
    const old = { goldenId, version: row.version, stockId: '100900', stockNumber: 'SH-PD-01', operation: 'created', closedTaskIds: [] };
    const meta = { correlationId: 'old-schema', actor: 'kingdee-sink', occurredAt: new Date().toISOString() };
    await kit.store.append(streamIdOf(goldenId), row.version, [{ type: 'KingdeeSyncSucceeded', schemaVersion: 0, data: old }], meta);
  });
  after(() => kit.close());

  it('the sink reads the current fold (kept fold plus the tail) upcast', async () => {
    const state = await kit.warehouses.syncResultRecorder.syncState([goldenId]);
    assert.equal(state.get(goldenId)?.fStockId, '100900');
    assert.equal(state.get(goldenId)?.fNumber, 'SH-PD-01');
  });

  it('the golden-records projection folds upcast events, also the ones it reads to fill a missing kept fold', async () => {
    await kit.catchUp();
    assert.deepEqual(await syncStatus(), { f_stock_id: '100900', f_number: 'SH-PD-01' });
    // No kept fold (as after an upgrade): the next batch reads the stream's earlier events from the store.
    await kit.db.dataSource.query(`DELETE FROM golden_state WHERE golden_id = $1`, [goldenId]);
    await kit.warehouses.observationRecorder.recordObservations([wdtWarehouse({ contact: '王芳' })], syncContext('run-2', 1));
    await kit.catchUp();
    const [golden] = await kit.db.dataSource.query(`SELECT contact FROM golden_warehouses WHERE golden_id = $1`, [goldenId]);
    assert.equal(golden.contact, '王芳', 'the second batch was applied');
    assert.deepEqual(await syncStatus(), { f_stock_id: '100900', f_number: 'SH-PD-01' });
  });
});
