import {
  OverrideFieldCommand,
  RemoveOverrideCommand,
  RequestKingdeeResyncCommand,
  ResolveStewardshipTaskCommand,
  RetireGoldenRecordCommand,
} from '../application/commands';
import { ObservationOutcome } from '../../contracts/wdt-observation-recorder.port';
import { commandMetadata } from '../application/metadata';
import { wdtWarehouse } from './fixtures';
import { generatedWarehouses } from './generated-warehouses';
import { WarehousesTestKit, syncContext } from './test-kit';

/**
 * A history holding every kind of per-record fact the read models show, written through the real
 * handlers: three sync runs (with edits), a duplicate merged into its survivor, overrides set and
 * removed, a retirement, records missing in WDT, Kingdee successes, a failure and a resync, and one
 * record with a long stream. `count` generated warehouses plus the duplicate pair.
 */
export async function recordVariedHistory(kit: WarehousesTestKit, count = 30): Promise<void> {
  const { observationRecorder: recorder, syncResultRecorder: sync } = kit.warehouses;
  const all = generatedWarehouses(count);
  const ids = goldenIds(await recorder.recordObservations([...all, wdtWarehouse()], syncContext('run-1', 0)));
  const steward = commandMetadata('api:li', { now: new Date(Date.UTC(2026, 10, 28, 9, 5)) });
  await kit.warehouses.bus.execute(
    new OverrideFieldCommand({ goldenId: ids.get('WH00001')!, field: 'name', value: '一号中心仓', reason: '统一命名' }, steward),
  );
  await kit.warehouses.bus.execute(
    new OverrideFieldCommand({ goldenId: ids.get('WH00002')!, field: 'contact', value: '赵敏', reason: '新负责人' }, steward),
  );
  await sync.recordSuccess(
    all.slice(0, 10).map((w, i) => ({
      goldenId: ids.get(w.warehouseNo)!,
      version: 1,
      fStockId: String(100_000 + i),
      fNumber: w.warehouseNo,
      operation: 'created' as const,
      at: new Date(Date.UTC(2026, 10, 28, 9, 6)),
      correlationId: `k-${i}`,
    })),
  );
  await sync.recordFailure([
    {
      goldenId: ids.get('WH00011')!,
      version: 1,
      code: 'kingdee_rejected',
      message: '编码已存在',
      permanent: true,
      at: new Date(Date.UTC(2026, 10, 28, 9, 6)),
      correlationId: 'k-f',
    },
  ]);
  // The second run edits a third of them and brings a near-duplicate of SH-PD-01 (matched against the read model).
  await kit.catchUp();
  const edited = all.map((w, i) => (i % 3 === 0 ? { ...w, name: `${w.name}（新）`, raw: { ...w.raw, name: `${w.name}（新）` } } : w));
  const twin = wdtWarehouse({
    warehouseNo: 'SH-PD-01B',
    warehouseId: '102',
    name: '上海浦东仓库',
    contact: '李娜',
    address: '上海市浦东新区川沙路5188号',
  });
  ids.set('SH-PD-01B', goldenIds(await recorder.recordObservations([...edited, twin], syncContext('run-2', 10))).get('SH-PD-01B')!);
  await kit.warehouses.bus.execute(new RemoveOverrideCommand({ goldenId: ids.get('WH00002')!, field: 'contact', reason: '恢复' }, steward));
  await kit.warehouses.bus.execute(new RequestKingdeeResyncCommand({ goldenId: ids.get('WH00011')!, reason: 'fixed in Kingdee' }, steward));
  await kit.warehouses.bus.execute(new RetireGoldenRecordCommand({ goldenId: ids.get('WH00012')!, reason: 'closed' }, steward));
  await mergeDuplicates(kit, ids.get('SH-PD-01')!, steward);
  // Run 3 misses a few, so they are flagged missing in WDT.
  const seen = edited.filter((_, i) => i % 7 !== 3);
  await recorder.recordObservations(seen, syncContext('run-3', 20));
  await recorder.flagMissing(new Set([...seen.map((w) => w.warehouseNo), 'SH-PD-01', 'SH-PD-01B']), syncContext('run-3', 20));
  for (let round = 4; round < 16; round++) {
    const w = all[4]!;
    await recorder.recordObservations(
      [{ ...w, address: `${w.address}${round}室`, raw: { ...w.raw, address: `${w.address}${round}室` } }],
      syncContext(`run-${round}`, 20 + round),
    );
  }
}

/** Merges every open duplicate task into the survivor. */
async function mergeDuplicates(kit: WarehousesTestKit, survivorId: string, steward: ReturnType<typeof commandMetadata>): Promise<void> {
  await kit.catchUp();
  const tasks: { task_id: string }[] = await kit.db.dataSource.query(
    `SELECT task_id FROM stewardship_tasks WHERE type = 'duplicate' AND status = 'open'`,
  );
  if (tasks.length === 0) throw new Error('the twin was not suspected as a duplicate');
  for (const task of tasks)
    await kit.warehouses.bus.execute(new ResolveStewardshipTaskCommand({ taskId: task.task_id, action: 'merge', survivorId }, steward));
}

const goldenIds = (outcomes: readonly ObservationOutcome[]) => new Map(outcomes.map((o) => [o.warehouseNo, o.goldenId]));
