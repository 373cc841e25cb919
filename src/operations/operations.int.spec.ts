import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openApiSchemas } from '../../test/support/openapi-schemas';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { waitFor } from '../../test/support/wait-for';
import { loadConfig } from '../config/config';
import { EventStore } from '../event-store/event-store';
import { saveCheckpoint } from '../event-store/processor';
import { RunningHub, startHub } from '../hub';
import { PostgresMessageLog } from '../log/postgres-message-log';
import { JobRegistry } from './jobs/job-registry';
import { SinkHealthBoard } from './status/sink-health';

const ADMIN = 'ops-admin-key-0001';
const READER = 'ops-reader-key-0001';
const meta = { correlationId: 'ops', actor: 'test', occurredAt: '2026-11-28T09:00:00.000Z' };

describe('operations: status, metrics and jobs over HTTP', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let fits: ReturnType<typeof openApiSchemas>;
  const call = async (path: string, key?: string, init: RequestInit = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    });
    const text = await res.text();
    return { status: res.status, text, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined) as any };
  };

  before(async () => {
    db = await createTestDatabase('operations');
    const store = new EventStore(db.dataSource);
    for (let i = 0; i < 30; i++) await store.append(`warehouse-wh_${i % 7}`, 'any', [{ type: 'Observed', data: { i } }], meta);
    const [twentieth] = await db.dataSource.query(
      `SELECT transaction_id::text AS tx, global_position::text AS pos FROM events ORDER BY global_position OFFSET 19 LIMIT 1`,
    );
    await saveCheckpoint(db.dataSource, 'warehouses.golden-records', { transactionId: twentieth.tx, globalPosition: twentieth.pos });
    await db.dataSource.query(`INSERT INTO stewardship_tasks (task_id, type, status, golden_id, title, details, opened_at) VALUES
      ('t1', 'duplicate', 'open', 'wh_1', 'dup', '{}', now()), ('t2', 'duplicate', 'open', 'wh_2', 'dup', '{}', now()),
      ('t3', 'sync_failure', 'open', 'wh_3', 'fail', '{}', now()), ('t4', 'duplicate', 'resolved', 'wh_4', 'dup', '{}', now())`);
    await db.dataSource.query(
      `INSERT INTO wdt_sync_runs (id, trigger, status, started_at, finished_at, heartbeat_at, pages, seen, changed, unchanged, correlation_id, actor)
      VALUES ($1, 'cli', 'succeeded', now() - interval '1 minute', now(), now(), 3, 120, 5, 115, 'c', 'cli')`,
      [randomUUID()],
    );
    const config = loadConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      LOG_LEVEL: 'silent',
      MDM_API_KEYS: `ops:admin:${ADMIN},viewer:reader:${READER}`,
    });
    hub = await startHub(config, { runWorkers: false });
    fits = openApiSchemas((await call('/api/docs-json')).body);
    const log = new PostgresMessageLog(db.dataSource);
    await log.publish(
      config.kafka.topicGolden,
      Array.from({ length: 5 }, (_, i) => ({ key: `wh_${i}`, value: '{}' })),
    );
    await log.publish(config.kafka.topicDlq, [
      { key: 'wh_1', value: '{}' },
      { key: 'wh_2', value: '{}' },
    ]);
  });
  after(async () => {
    await hub?.stop();
    await db?.close();
  });

  it('GET /api/v1/status reports events, processor lag, consumer lag, DLQ, sync runs and open tasks', async () => {
    assert.equal((await call('/api/v1/status')).status, 401);
    const { status, body } = await call('/api/v1/status', READER);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.events.count, 30);
    const golden = body.processors.find((p: { name: string }) => p.name === 'warehouses.golden-records');
    assert.equal(golden.lagEvents, 10);
    assert.ok(golden.lagSeconds >= 0);
    assert.equal(body.kingdeeSink.group, 'mdm-kingdee-sink');
    assert.equal(body.kingdeeSink.lag, 5, 'a group that never committed has the whole topic to read');
    assert.equal(body.dlq.messages, 2);
    assert.equal(body.wdtSyncRuns[0].seen, 120);
    assert.deepEqual(body.stewardship, { open: 3, byType: { duplicate: 2, sync_failure: 1 } });
    assert.equal(body.sink, null, 'this hub runs no sink (no workers)');
    fits('HubStatusDto', body);
  });

  it("shows the sink's health once a sink reports to the board: status and the mdm_sink_healthy gauge", async () => {
    const board = hub.app.get(SinkHealthBoard);
    const at = new Date('2026-11-28T09:00:00.000Z');
    board.report(() => ({ healthy: false, lastError: 'KafkaJSError: The group is rebalancing', lastErrorAt: at }));
    try {
      const { body } = await call('/api/v1/status', READER);
      assert.deepEqual(body.sink, { healthy: false, lastError: 'KafkaJSError: The group is rebalancing', lastErrorAt: at.toISOString() });
      // The gauges read one status snapshot per second: wait for one taken after the report.
      await waitFor(async () => /^mdm_sink_healthy 0$/m.test((await call('/metrics', READER)).text), 'mdm_sink_healthy 0', 10_000);
      board.report(() => ({ healthy: true, lastError: undefined, lastErrorAt: undefined }));
      assert.deepEqual((await call('/api/v1/status', READER)).body.sink, { healthy: true, lastError: null, lastErrorAt: null });
    } finally {
      board.report(undefined);
    }
  });

  it('GET /metrics is Prometheus text with the pipeline gauges (reader role)', async () => {
    assert.equal((await call('/metrics')).status, 401);
    const { status, text } = await call('/metrics', READER);
    assert.equal(status, 200);
    const samples = new Map<string, number>();
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(line);
      assert.ok(match, `not a Prometheus sample line: ${line}`);
      samples.set(match[1]!, Number(match[2]));
    }
    assert.equal(samples.get('mdm_events_stored'), 30);
    assert.equal(samples.get('mdm_events_appended_total'), 30);
    assert.equal(samples.get('mdm_processor_lag_events{processor="warehouses.golden-records",kind="projection"}'), 10);
    assert.equal(samples.get('mdm_consumer_lag_messages{group="mdm-kingdee-sink",topic="mdm.warehouse.golden.v1"}'), 5);
    assert.equal(samples.get('mdm_dlq_messages{topic="mdm.warehouse.kingdee.dlq.v1"}'), 2);
    assert.equal(samples.get('mdm_stewardship_open_tasks{type="duplicate"}'), 2);
    assert.ok(text.includes('# TYPE mdm_wdt_call_duration_seconds histogram'));
    assert.ok(samples.has('mdm_process_resident_memory_bytes'));
  });

  it('GET /api/v1/jobs/{id} shows a job with progress; it survives in the table', async () => {
    const jobs = hub.app.get(JobRegistry);
    const job = await jobs.run({ kind: 'test.count', actor: 'test' }, async ({ progress }) => {
      for (let i = 1; i <= 3; i++) progress(i, 3);
      return { counted: 3 };
    });
    assert.equal((await call(`/api/v1/jobs/${job.id}`, READER)).status, 403, 'jobs are for admins');
    const { status, body } = await call(`/api/v1/jobs/${job.id}`, ADMIN);
    assert.equal(status, 200);
    assert.equal(body.status, 'succeeded');
    assert.deepEqual(body.progress, { done: 3, total: 3 });
    assert.deepEqual(body.result, { counted: 3 });
    assert.ok(body.finishedAt);
    fits('JobViewDto', body);
    assert.equal((await call(`/api/v1/jobs/${randomUUID()}`, ADMIN)).status, 404);
  });

  it('POST /api/v1/replay validates, refuses unknown projections and runs as a job', async () => {
    assert.equal((await call('/api/v1/replay', READER, { method: 'POST', body: '{}' })).status, 403);
    assert.equal((await call('/api/v1/replay', ADMIN, { method: 'POST', body: JSON.stringify({ from: 'abc' }) })).status, 400);
    assert.equal((await call('/api/v1/replay', ADMIN, { method: 'POST', body: JSON.stringify({ projection: 'nope' }) })).status, 404);
    const started = await call('/api/v1/replay', ADMIN, { method: 'POST', body: '{}' });
    assert.equal(started.status, 202, started.text);
    fits('JobViewDto', started.body);
    const done = await waitFor(async () => {
      const { body } = await call(`/api/v1/jobs/${started.body.id}`, ADMIN);
      return body.status !== 'running' && body;
    }, 'the replay job');
    assert.equal(done.status, 'succeeded', JSON.stringify(done));
  });

  it('POST /api/v1/resync/kingdee needs either all or ids', async () => {
    const both = await call('/api/v1/resync/kingdee', ADMIN, { method: 'POST', body: JSON.stringify({ all: true, ids: ['wh_1'] }) });
    assert.equal(both.status, 400, both.text);
    assert.equal((await call('/api/v1/resync/kingdee', ADMIN, { method: 'POST', body: '{}' })).status, 400);
  });
});
