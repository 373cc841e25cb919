import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { waitFor } from '../../test/support/wait-for';
import { EventStore } from '../event-store/event-store';
import { alwaysLeader } from '../event-store/leader-lock';
import { CheckpointedProcessor, loadCheckpoint, Projection } from '../event-store/processor';
import { ProcessorStall } from '../event-store/processor-stalls';
import { EventMetadata, SqlExecutor, StoredEvent } from '../event-store/stored-event';
import { HubMetrics } from '../operations/metrics/hub-metrics';
import { HubStatus } from '../operations/status/hub-status';
import { processorStatuses } from '../operations/status/status-sql';
import { skipProcessorEvent } from './skip-processor-event';

const meta = (): EventMetadata => ({ correlationId: 'c', actor: 'test', occurredAt: new Date().toISOString() });
const NAME = 'poison-test';

/** Writes what it applied; cannot apply an event of type Poison. */
const projection: Projection = {
  name: NAME,
  async apply(events: readonly StoredEvent[], tx: SqlExecutor) {
    for (const e of events) {
      if (e.type === 'Poison') throw new Error(`cannot apply ${e.type}`);
      await tx.query(`INSERT INTO applied (position, type) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [e.globalPosition, e.type]);
    }
  },
};

describe('a poison event: the processor stalls visibly, backs off, and an audited skip resumes it', { timeout: 60_000 }, () => {
  let db: TestDatabase;
  let store: EventStore;
  let processor: CheckpointedProcessor;
  const stalls: ProcessorStall[] = [];
  const positions: Record<string, string> = {};
  const applied = async () =>
    (await db.dataSource.query(`SELECT type FROM applied ORDER BY position`)).map((r: { type: string }) => r.type);

  before(async () => {
    db = await createTestDatabase('poison_event');
    store = new EventStore(db.dataSource);
    await db.dataSource.query(`CREATE TABLE applied (position bigint PRIMARY KEY, type text NOT NULL)`);
    for (const type of ['A', 'B', 'Poison', 'C']) {
      positions[type] = (await store.append(`s-${type}`, 0, [{ type, data: {} }], meta())).globalPositions[0]!;
    }
    processor = new CheckpointedProcessor(db.dataSource, store, projection, alwaysLeader.forName(NAME), {
      batchSize: 10,
      idleMs: 20,
      retryBaseMs: 50,
      retryMaxMs: 200,
      onStall: (stall) => stalls.push(stall),
    });
    processor.start();
  });
  after(async () => {
    await processor?.stop();
    await db?.close();
  });

  it('applies the events before the poison one alone, then stalls on exactly that event with growing backoff', async () => {
    await waitFor(() => stalls.length >= 4, 'four failed attempts');
    const first = stalls[0]!;
    assert.equal(first.failingPosition, positions.Poison);
    assert.equal(first.narrowed, true, 'the batch was narrowed down to the one event');
    assert.match(first.error, /cannot apply Poison/);
    assert.deepEqual(await applied(), ['A', 'B']);
    assert.equal((await loadCheckpoint(db.dataSource, NAME)).globalPosition, positions.B);
    assert.deepEqual(
      stalls.slice(0, 4).map((s) => s.attempts),
      [1, 2, 3, 4],
    );
    const waits = stalls.slice(0, 4).map((s) => Date.parse(s.nextAttemptAt) - Date.parse(s.stalledSince));
    assert.ok(waits[3]! > waits[0]!, `the wait grows: ${waits.join(', ')}`);
    assert.equal(new Set(stalls.map((s) => s.stalledSince)).size, 1, 'stalled since the first failure');
  });

  it('shows the stall in the status and the metrics', async () => {
    const [status] = await processorStatuses(db.dataSource, [NAME], new Date());
    assert.equal(status!.stalled?.failingPosition, positions.Poison);
    assert.match(status!.stalled!.error, /cannot apply Poison/);
    const snapshot: HubStatus = {
      at: new Date().toISOString(),
      events: { count: 4, headPosition: positions.C! },
      processors: [status!],
      kingdeeSink: { group: 'g', topic: 't', lag: 0, partitions: [] },
      sink: null,
      dlq: { topic: 'd', messages: 0 },
      wdtSyncRuns: null,
      stewardship: null,
      jobsRunning: [],
      schemes: [],
    };
    const metrics = new HubMetrics(async () => snapshot, { defaultMetrics: false });
    const text = await metrics.metrics();
    assert.match(text, new RegExp(`mdm_processor_stalled\\{processor="${NAME}",kind="projection"\\} 1`));
    assert.match(text, new RegExp(`mdm_processor_stalled_position\\{processor="${NAME}",kind="projection"\\} ${positions.Poison}`));
  });

  it('refuses a skip of any other position, then skips exactly the poison event for this processor only', async () => {
    const skip = (position: string, reason = 'bad data from WDT, fixed upstream') =>
      skipProcessorEvent(db.dataSource, store, { processor: NAME, position, reason }, 'api:ops', new Date());
    await assert.rejects(skip(positions.A!), /poison-test has already passed position/);
    await assert.rejects(skip(positions.C!), new RegExp(`poison-test is stalled on position ${positions.Poison}, not ${positions.C}`));
    await assert.rejects(skip(positions.Poison!, '  '), /a reason is required/);
    await assert.rejects(
      skipProcessorEvent(db.dataSource, store, { processor: 'other', position: positions.Poison!, reason: 'x' }, 'api:ops', new Date()),
      /other is not stalled/,
    );
    const result = await skip(positions.Poison!);
    assert.equal(result.eventType, 'Poison');
    processor.retryNow();
    await waitFor(
      async () => (await loadCheckpoint(db.dataSource, NAME)).globalPosition === result.skipEventPosition,
      'the processor to pass the skip',
    );
    assert.deepEqual(await applied(), ['A', 'B', 'C', 'ProcessorEventSkipped']);
    await waitFor(async () => (await processorStatuses(db.dataSource, [NAME], new Date()))[0]!.stalled === null, 'the stall to clear');
    const [audit] = await store.readStream(`processor-${NAME}`);
    assert.equal(audit!.type, 'ProcessorEventSkipped');
    assert.equal(audit!.metadata.actor, 'api:ops');
    assert.deepEqual((audit!.data as { position: string; reason: string }).position, positions.Poison);
    await assert.rejects(skip(positions.Poison!), /has already passed position/);
  });
});
