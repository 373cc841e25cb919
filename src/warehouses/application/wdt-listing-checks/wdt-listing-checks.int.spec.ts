import { ResolveStewardshipTaskCommand } from '../commands';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '../../../shared/domain/domain-error';
import { wdtWarehouse } from '../../testing/fixtures';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../../testing/test-kit';
import { commandMetadata } from '../metadata';

const truncated = (wouldFlag: number) =>
  ({ outcome: 'truncated', wouldFlag, known: 100, maxShare: 0.2, sample: ['WH-01', 'WH-02'] }) as const;

describe('WDT listing checks and warehouse codes in the warehouses feature (PostgreSQL)', () => {
  let kit: WarehousesTestKit;
  before(async () => {
    kit = await createWarehousesTestKit('wdt_listing_checks');
  });
  after(() => kit.close());
  const tasks = async (status?: 'open' | 'resolved') =>
    (await kit.warehouses.queries.tasks({ type: 'wdt_listing_truncated', status, page: 1, pageSize: 50 })).items;

  it('a truncated listing opens one task (no record), refreshed while it lasts, closed by a trusted listing', async () => {
    const recorder = kit.warehouses.observationRecorder;
    await recorder.reportListingCheck(truncated(30), syncContext('run-1'));
    await recorder.reportListingCheck(truncated(31), syncContext('run-2', 1));
    await kit.catchUp();
    const [open, ...more] = await tasks('open');
    assert.equal(more.length, 0, 'one open task');
    assert.equal(open!.record, null);
    assert.match(open!.title, /^WDT listing looks truncated: 31 of 100 warehouses absent at once \(more than 20%\)$/);
    assert.deepEqual(open!.details, { syncRunId: 'run-2', wouldFlag: 31, known: 100, maxShare: 0.2, sample: ['WH-01', 'WH-02'] });

    await recorder.reportListingCheck({ outcome: 'trusted' }, syncContext('run-3', 2));
    await recorder.reportListingCheck({ outcome: 'trusted' }, syncContext('run-4', 3));
    await kit.catchUp();
    assert.deepEqual(await tasks('open'), []);
    const [closed] = await tasks('resolved');
    assert.equal(closed!.taskId, open!.taskId);
    assert.equal(closed!.resolution, 'listing_complete');
  });

  it('a steward can dismiss the open task, once', async () => {
    await kit.warehouses.observationRecorder.reportListingCheck(truncated(40), syncContext('run-5', 4));
    await kit.catchUp();
    const [open] = await tasks('open');
    const meta = commandMetadata('api:steward');
    const result = await kit.warehouses.bus.execute(
      new ResolveStewardshipTaskCommand({ taskId: open!.taskId, action: 'dismiss', reason: '查过旺店通' }, meta),
    );
    assert.deepEqual(result.versions, {});
    await assert.rejects(
      kit.warehouses.bus.execute(new ResolveStewardshipTaskCommand({ taskId: open!.taskId, action: 'dismiss' }, meta)),
      DomainError,
    );
    await assert.rejects(
      kit.warehouses.bus.execute(new ResolveStewardshipTaskCommand({ taskId: open!.taskId, action: 'retry' }, meta)),
      DomainError,
    );
    await kit.catchUp();
    const dismissed = (await tasks('resolved')).find((t) => t.taskId === open!.taskId);
    assert.equal(dismissed?.resolution, 'dismissed');
    assert.equal(dismissed?.resolvedBy, 'api:steward');
  });

  it('stores and compares warehouse codes, however WDT spelled them', async () => {
    const recorder = kit.warehouses.observationRecorder;
    const outcomes = await recorder.recordObservations(
      [wdtWarehouse({ warehouseNo: 'ＷＨ－ＦＷ０１', name: '丰台仓' }), wdtWarehouse({ warehouseNo: 'WH-SP-02 ', name: '顺平仓' })],
      syncContext('codes-1', 10),
    );
    assert.deepEqual(
      outcomes.map((o) => [o.warehouseNo, o.outcome]),
      [
        ['WH-FW01', 'created'],
        ['WH-SP-02', 'created'],
      ],
    );
    const keys = (await kit.db.dataSource.query(
      `SELECT source_key FROM warehouse_source_keys WHERE source_key LIKE 'WH-%' ORDER BY 1`,
    )) as { source_key: string }[];
    assert.deepEqual(
      keys.map((k) => k.source_key),
      ['WH-FW01', 'WH-SP-02'],
    );
    const again = await recorder.recordObservations([wdtWarehouse({ warehouseNo: 'WH-FW01', name: '丰台仓' })], syncContext('codes-2', 11));
    assert.equal(again[0]!.goldenId, outcomes[0]!.goldenId, 'the half-width spelling is the same warehouse');

    const spelledAsTyped = new Set(['ＷＨ－ＦＷ０１', 'WH-SP-02 ']);
    const preview = await recorder.previewMissing(spelledAsTyped);
    assert.deepEqual(preview.codes, []);
    assert.equal(preview.known, 2);
    assert.deepEqual((await recorder.previewMissing(new Set(['WH-FW01']))).codes, ['WH-SP-02']);
    assert.deepEqual(await recorder.flagMissing(spelledAsTyped, syncContext('codes-3', 12)), []);
  });
});
