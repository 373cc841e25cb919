import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandPipeline } from '../../../event-store/command-pipeline';
import { warehouseDecider } from '../../domain/warehouse-decider';
import { wdtWarehouse } from '../../testing/fixtures';
import { WarehousesTestKit, createWarehousesTestKit, syncContext } from '../../testing/test-kit';
import { OverrideFieldCommand, RecordKingdeeSyncResultsCommand } from '../commands';
import { commandMetadata } from '../metadata';
import { LoadOptions, LoadedStream, WarehouseStreams } from '../warehouse-streams';
import { RecordKingdeeSyncResultsHandler } from './record-kingdee-sync-results.handler';

/** The streams as the handler loads them, with a steward saving an override on one record right after the first read. */
class RacedStreams extends WarehouseStreams {
  readonly loads: string[][] = [];
  constructor(
    private readonly kit: WarehousesTestKit,
    private readonly raced: string,
  ) {
    super(kit.store);
  }
  override async load(goldenIds: readonly string[], options?: LoadOptions): Promise<Map<string, LoadedStream>> {
    this.loads.push([...goldenIds]);
    const loaded = await super.load(goldenIds, options);
    if (this.loads.length === 1) {
      const request = { goldenId: this.raced, field: 'name', value: '改名仓', reason: 'concurrent edit' };
      await this.kit.warehouses.bus.execute(new OverrideFieldCommand(request, commandMetadata('steward')));
    }
    return loaded;
  }
}

describe('RecordKingdeeSyncResults: a conflict re-reads the record that moved, not the batch', { timeout: 60_000 }, () => {
  let kit: WarehousesTestKit;
  before(async () => {
    kit = await createWarehousesTestKit('kingdee_results_conflict');
  });
  after(() => kit?.close());

  it('three results, one record edited meanwhile: only that stream is loaded again, after a backoff, and all three are recorded', async () => {
    const outcomes = await kit.warehouses.observationRecorder.recordObservations(
      ['WH-A', 'WH-B', 'WH-C'].map((warehouseNo) => wdtWarehouse({ warehouseNo, name: `${warehouseNo} 仓` })),
      syncContext(),
    );
    const [a, b, c] = outcomes.map((o) => o.goldenId) as [string, string, string];
    const streams = new RacedStreams(kit, b);
    const waits: number[] = [];
    const pipeline = new CommandPipeline(kit.store, {
      sleep: async (ms) => {
        waits.push(ms);
        await new Promise((r) => setTimeout(r, ms));
      },
    });
    const handler = new RecordKingdeeSyncResultsHandler(pipeline, streams, warehouseDecider);
    const at = new Date(Date.UTC(2026, 10, 28, 10));
    await handler.execute(
      new RecordKingdeeSyncResultsCommand(
        [a, b, c].map((goldenId, i) => ({
          goldenId,
          metadata: commandMetadata('kingdee-sink', { now: at }),
          command: {
            type: 'RecordKingdeeSyncResult',
            outcome: 'success',
            version: 1,
            fStockId: `${100 + i}`,
            fNumber: `N${i}`,
            operation: 'created',
          },
        })),
      ),
    );
    assert.deepEqual(streams.loads, [[a, b, c], [b]], 'the retry loads b alone');
    assert.equal(waits.length, 1);
    assert.ok(waits[0]! >= 10 && waits[0]! <= 20, `one jittered backoff of 10–20 ms: ${waits[0]}`);
    const after = await new WarehouseStreams(kit.store).load([a, b, c]);
    for (const id of [a, b, c]) {
      const types = after.get(id)!.events.map((e) => e.type);
      assert.equal(types.filter((t) => t === 'KingdeeSyncSucceeded').length, 1, `${id}: ${types.join(', ')}`);
    }
    assert.ok(
      after.get(b)!.events.some((e) => e.type === 'FieldOverridden'),
      'the concurrent edit is kept',
    );
  });
});
