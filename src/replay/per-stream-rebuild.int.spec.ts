import { OverrideFieldCommand } from '../warehouses/application/commands';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PerStreamRebuild } from '../event-store/per-stream-rebuild';
import { Projection, loadCheckpoint } from '../event-store/processor';
import { commandMetadata } from '../warehouses/application/metadata';
import { GoldenRecordsProjection } from '../warehouses/projections';
import { WarehousesTestKit, createWarehousesTestKit } from '../warehouses/testing/test-kit';
import { recordVariedHistory } from '../warehouses/testing/varied-history';
import { ProjectionReplayer } from './projection-replayer';
import { shadowCheckpointName } from './shadow-projection';
import { shadowSchemaName } from './shadow-schema';
import { atOrBefore, readableHead } from './stream-chunks';

type Table = [table: string, order: string];
const TABLES: Record<string, Table[]> = {
  'warehouses.golden-records': [
    ['golden_warehouses', 'golden_id'],
    ['warehouse_sync_status', 'golden_id'],
  ],
  'warehouses.lineage': [['warehouse_lineage', 'golden_id, field, stream_version']],
  'warehouses.xref': [['warehouse_xref', 'golden_id, system, source_key']],
};
const GOLDEN: Table[] = TABLES['warehouses.golden-records']!;
const steward = commandMetadata('api:test', { now: new Date(Date.UTC(2026, 10, 28, 12, 0)) });
// Chunks of about 7 events: many chunks, and one stream longer than a chunk.
const CHUNK = 7;

/** The projection, calling `hook` before each chunk of whole streams it is handed. */
function hooked(projection: Projection, hook: (call: number) => Promise<void>): Projection {
  let calls = 0;
  const rebuild: PerStreamRebuild = {
    perStream: true,
    applyStreams: async (streams, tx) => (await hook(++calls), projection.rebuild!.applyStreams(streams, tx)),
  };
  return { name: projection.name, tables: projection.tables, rebuild, apply: (events, tx) => projection.apply(events, tx) };
}

describe('per-stream rebuild (PostgreSQL)', { timeout: 300_000 }, () => {
  let kit: WarehousesTestKit;
  let replayer: ProjectionReplayer;
  const rowsOf = async ([table, order]: Table) =>
    JSON.parse(JSON.stringify(await kit.db.dataSource.query(`SELECT * FROM ${table} ORDER BY ${order}`)));
  /** The first table's rows, then the others' (a projection's tables in the order declared above). */
  const rows = async (tables: Table[]) => {
    const [first, ...rest] = await Promise.all(tables.map(rowsOf));
    return rest.length === 0 ? first : [first, ...rest];
  };
  const eventCount = async () => Number((await kit.db.dataSource.query(`SELECT count(*) AS n FROM events`))[0].n);
  /** The same projection's rows rebuilt from empty by the ordinary commit-order processor. */
  const incremental = async (name: string, tables: Table[]) => {
    // golden_state too: the kept folds are a cache a rebuild fills for long streams only (GoldenRecordsProjection.rebuild).
    for (const [table] of [...tables, ['golden_state']]) await kit.db.dataSource.query(`DELETE FROM ${table}`);
    await kit.db.dataSource.query(`DELETE FROM processor_checkpoints WHERE name = $1`, [name]);
    await kit.catchUp();
    return rows(tables);
  };
  /** The first and last golden-record streams in stream-id order: one rebuilt early, one late. */
  const edgeRecords = async () => {
    const active: { golden_id: string }[] = await kit.db.dataSource.query(
      `SELECT golden_id FROM golden_warehouses WHERE status <> 'retired' ORDER BY 'warehouse-' || golden_id`,
    );
    return [active[0]!.golden_id, active.at(-1)!.golden_id];
  };

  before(async () => {
    kit = await createWarehousesTestKit('per_stream_rebuild');
    replayer = new ProjectionReplayer(kit.db.dataSource, kit.store);
    await recordVariedHistory(kit);
    await kit.catchUp();
  });
  after(() => kit.close());

  it('golden records with sync status, lineage and xref rebuilt stream by stream equal what the commit-order projection built', async () => {
    const perStream = kit.warehouses.projections.filter((p) => p.rebuild?.perStream);
    assert.deepEqual(perStream.map((p) => p.name).sort(), Object.keys(TABLES).sort());
    const events = await eventCount();
    for (const projection of perStream) {
      const table = TABLES[projection.name]!;
      const before = await rows(table);
      assert.ok(before.length > 0, `${projection.name} has rows to compare`);
      const result = await replayer.replay(projection, { batchSize: CHUNK });
      assert.ok(result.perStreamEvents > events / 2, `${projection.name}: ${result.perStreamEvents} events read stream by stream`);
      assert.equal(result.events, events);
      assert.deepEqual(await rows(table), before, projection.name);
      assert.equal(
        (await loadCheckpoint(kit.db.dataSource, projection.name)).globalPosition,
        (await kit.db.dataSource.query(`SELECT max(global_position)::text AS p FROM events`))[0].p,
      );
    }
  });

  it('stewardship tasks span two streams: they keep the commit-order path', async () => {
    const tasks = kit.warehouses.projections.find((p) => p.name === 'warehouses.stewardship-tasks')!;
    assert.equal(tasks.rebuild, undefined);
    const before = await rows([['stewardship_tasks', 'task_id']]);
    const result = await replayer.replay(tasks, { batchSize: 50 });
    assert.equal(result.perStreamEvents, 0);
    assert.deepEqual(await rows([['stewardship_tasks', 'task_id']]), before);
  });

  it('events committed after the pinned snapshot, while streams are being rebuilt, come in through the commit-order tail', async () => {
    const [early, late] = await edgeRecords();
    const projection = hooked(new GoldenRecordsProjection(kit.store), async (call) => {
      if (call !== 2) return;
      for (const [goldenId, value] of [
        [early, '早改名'],
        [late, '晚改名'],
      ] as const) {
        await kit.warehouses.bus.execute(
          new OverrideFieldCommand({ goldenId: goldenId!, field: 'name', value, reason: 'during the rebuild' }, steward),
        );
      }
    });
    const before = await eventCount();
    const result = await replayer.replay(projection, { batchSize: CHUNK });
    assert.ok(result.perStreamEvents <= before, 'nothing after the snapshot was read stream by stream');
    // Normally the replay's own tail applied them; a transaction elsewhere on the server may leave the last ones to the live processor.
    await kit.catchUp();
    const all = await rows(GOLDEN);
    const names = new Map(all[0].map((r: { golden_id: string; name: string }) => [r.golden_id, r.name]));
    assert.deepEqual([names.get(early), names.get(late)], ['早改名', '晚改名']);
    assert.deepEqual(all, await incremental(projection.name, GOLDEN));
  });

  it('resumes after a crash mid-rebuild from the last committed chunk, with the same snapshot, then applies what came after it', async () => {
    const name = 'warehouses.golden-records';
    const crashing = hooked(new GoldenRecordsProjection(kit.store), async (call) => {
      if (call === 3) throw new Error('simulated crash');
    });
    await assert.rejects(replayer.replay(crashing, { batchSize: CHUNK }), /simulated crash/);
    const schema = shadowSchemaName(name);
    const [progress] = await kit.db.dataSource.query(
      `SELECT snapshot_position::text AS p, after_stream FROM ${schema}.per_stream_progress`,
    );
    assert.notEqual(progress.after_stream, '', 'two chunks were kept');
    assert.equal((await loadCheckpoint(kit.db.dataSource, shadowCheckpointName(name))).globalPosition, '0');
    const [early, late] = await edgeRecords();
    await kit.warehouses.bus.execute(
      new OverrideFieldCommand({ goldenId: early!, field: 'name', value: '崩溃后早', reason: 'after the crash' }, steward),
    );
    await kit.warehouses.bus.execute(
      new OverrideFieldCommand({ goldenId: late!, field: 'name', value: '崩溃后晚', reason: 'after the crash' }, steward),
    );

    const resumed = await replayer.replay(new GoldenRecordsProjection(kit.store), { batchSize: CHUNK });
    assert.equal(resumed.resumed, true);
    assert.ok(
      resumed.perStreamEvents > 0 && resumed.perStreamEvents < Number(progress.p),
      `the rest of the streams only: ${resumed.perStreamEvents}`,
    );
    assert.ok(resumed.events > resumed.perStreamEvents, 'the two overrides came through the tail');
    await kit.catchUp();
    const all = await rows(GOLDEN);
    assert.deepEqual(
      all[0]
        .filter((r: { golden_id: string }) => r.golden_id === early || r.golden_id === late)
        .map((r: { name: string }) => r.name)
        .sort(),
      ['崩溃后早', '崩溃后晚'].sort(),
    );
    assert.deepEqual(all, await incremental(name, GOLDEN));
  });

  it('pins the snapshot below a transaction still running, even when later ones have committed', async () => {
    const meta = { correlationId: 'pin', actor: 'test', occurredAt: '2026-11-28T12:00:00.000Z' };
    const open = kit.db.dataSource.createQueryRunner();
    await open.startTransaction();
    try {
      await kit.store.append('test-open', 0, [{ type: 'Held', data: {} }], meta, open.manager);
      const [{ xid }] = await open.query(`SELECT pg_current_xact_id()::text AS xid`);
      const [later] = (await kit.store.append('test-committed', 0, [{ type: 'Committed', data: {} }], meta)).globalPositions;
      const pinned = (await readableHead(kit.db.dataSource))!;
      assert.ok(BigInt(pinned.transactionId) < BigInt(xid), 'the snapshot stays below the open transaction');
      const [committed] = await kit.db.dataSource.query(`SELECT transaction_id::text AS tx FROM events WHERE global_position = $1`, [
        later,
      ]);
      assert.equal(
        atOrBefore({ transactionId: committed.tx, globalPosition: later! }, pinned),
        false,
        'the later commit is left to the tail',
      );
    } finally {
      await open.commitTransaction();
      await open.release();
    }
  });
});
