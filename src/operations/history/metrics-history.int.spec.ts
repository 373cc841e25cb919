import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { loadConfig } from '../../config/config';
import { EventStore } from '../../event-store/event-store';
import { RunningHub, startHub } from '../../hub';
import { MetricsSampler } from './metrics-sampler';

const READER = 'history-reader-key-0001';

describe('metrics history: samples taken by the sampler, served at /api/v1/status/history', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let store: EventStore;
  const get = async (path: string, key?: string) => {
    const res = await fetch(`${hub.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: res.status, body: (await res.json()) as any };
  };

  before(async () => {
    db = await createTestDatabase('metrics_history');
    store = new EventStore(db.dataSource);
    await db.dataSource.query(
      `INSERT INTO wdt_sync_runs (id, trigger, status, started_at, finished_at, heartbeat_at, pages, seen, changed, unchanged, correlation_id, actor)
       VALUES ($1, 'schedule', 'succeeded', now() - interval '2 days', now() - interval '2 days' + interval '90 seconds', now(), 3, 120, 5, 115, 'c', 'sys'),
              ($2, 'schedule', 'succeeded', now() - interval '9 days', now() - interval '9 days', now(), 3, 120, 5, 115, 'c', 'sys')`,
      [randomUUID(), randomUUID()],
    );
    // Sampling is driven by the test (runWorkers: false starts no interval).
    const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent', MDM_API_KEYS: `viewer:reader:${READER}` });
    hub = await startHub(config, { runWorkers: false });
  });
  after(async () => {
    await hub?.stop();
    await db?.close();
  });

  it('samples throughput, Kingdee saves and the WDT → Kingdee delay between two samples, and prunes old rows', async () => {
    const sampler = hub.app.get(MetricsSampler);
    await db.dataSource.query(
      `INSERT INTO metrics_samples (at, head_position, events_appended, processor_lag_events, processor_lag_seconds, kingdee_saves)
       VALUES (now() - interval '4 days', 0, 0, 0, 0, 0)`,
    );
    await sampler.sampleOnce();
    const observedAt = '2026-11-28T09:00:00.000Z';
    const meta = (occurredAt: string) => ({ correlationId: 'h', actor: 'test', occurredAt });
    await store.append('warehouse-wh_1', 'any', [{ type: 'WarehouseObservedInWdt', data: { observedAt } }], meta(observedAt));
    await store.append('warehouse-wh_1', 'any', [{ type: 'Other', data: {} }], meta(observedAt));
    await store.append('warehouse-wh_1', 'any', [{ type: 'KingdeeSyncSucceeded', data: { version: 1 } }], meta('2026-11-28T09:00:04.000Z'));
    await store.append('warehouse-wh_1', 'any', [{ type: 'KingdeeSyncSucceeded', data: { version: 2 } }], meta('2026-11-28T09:00:05.000Z'));
    await sampler.sampleOnce();

    assert.equal((await get('/api/v1/status/history')).status, 401);
    const { status, body } = await get('/api/v1/status/history', READER);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.samples.length, 2, 'the four-day-old sample was pruned');
    const [first, second] = body.samples;
    assert.equal(first.eventsAppended, 0, 'no previous sample: no throughput yet');
    assert.equal(second.eventsAppended, 4);
    assert.equal(second.kingdeeSaves, 2);
    assert.equal(second.wdtToKingdeeAvgSeconds, 4, 'only the save of a version a WDT observation made counts for the delay');
    assert.equal(second.wdtToKingdeeMaxSeconds, 4);
    assert.deepEqual(
      body.syncRuns.map((r: { seen: number; durationSeconds: number }) => [r.seen, r.durationSeconds]),
      [[120, 90]],
      'runs of the last seven days only',
    );
    const later = await get(`/api/v1/status/history?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, READER);
    assert.deepEqual(later.body.samples, []);
    assert.equal((await get('/api/v1/status/history?since=yesterday', READER)).status, 400);
  });
});
