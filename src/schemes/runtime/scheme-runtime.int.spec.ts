import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { loadConfig } from '../../config/config';
import { EventStore } from '../../event-store/event-store';
import { RunningHub, startHub } from '../../hub';
import { createLogger } from '../../platform/logging/logger';
import { parseScheme } from '../scheme-loader';
import { SchemeState } from './scheme-state';

const ADMIN = 'scheme-admin-key-0001';
const READER = 'scheme-reader-key-0001';
const NAME = 'wdt-warehouse-to-kingdee-stock';

describe('schemes at runtime: switch as events, mapping audit', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let store: EventStore;
  const post = async (path: string, key: string, body: unknown = {}) => {
    const res = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  before(async () => {
    db = await createTestDatabase('scheme_runtime');
    store = new EventStore(db.dataSource);
    const config = loadConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      MDM_API_KEYS: `ops:admin:${ADMIN},view:reader:${READER}`,
      WDT_POLL_INTERVAL: '0',
    });
    hub = await startHub(config, { runWorkers: false, logger: createLogger({ level: 'silent', secrets: [] }) });
  });
  after(async () => {
    await hub?.stop();
    await db?.close();
  });

  it('disables and enables a scheme through the API (admin), recorded on scheme-<name>; the sink sees it', async () => {
    const state = hub.app.get(SchemeState);
    assert.equal(await state.isEnabled(NAME), true, 'enabled until someone switches it off');
    assert.equal((await post(`/api/v1/schemes/${NAME}/disable`, READER)).status, 403);
    assert.equal((await post('/api/v1/schemes/other/disable', ADMIN)).status, 404);
    const off = await post(`/api/v1/schemes/${NAME}/disable`, ADMIN, { reason: 'Kingdee maintenance window' });
    assert.equal(off.status, 200);
    assert.equal(off.body.enabled, false);
    assert.equal(await state.isEnabled(NAME), false);
    assert.equal((await post(`/api/v1/schemes/${NAME}/disable`, ADMIN)).body.enabled, false, 'idempotent');
    assert.equal((await post(`/api/v1/schemes/${NAME}/enable`, ADMIN)).body.enabled, true);
    const events = await store.readStream(`scheme-${NAME}`);
    assert.deepEqual(
      events.map((e) => [e.type, e.metadata.actor]),
      [
        ['SchemeDisabled', 'api:ops'],
        ['SchemeEnabled', 'api:ops'],
      ],
    );
    assert.deepEqual(events[0]!.data, { name: NAME, reason: 'Kingdee maintenance window' });
    const resync = await post(`/api/v1/schemes/${NAME}/resync`, ADMIN);
    assert.equal(resync.status, 409, 'no golden records yet, nothing to resync');
    const listed = await fetch(`${hub.url}/api/v1/schemes`, { headers: { authorization: `Bearer ${READER}` } });
    assert.equal(((await listed.json()) as { enabled: boolean }[])[0]!.enabled, true);
  });

  it('records a mapping change (with the previous hash) only when what is sent changes', async () => {
    const state = new SchemeState(store);
    const text = readFileSync(hub.config.schemePath, 'utf8');
    const first = await state.recordMapping(parseScheme(text, 'a.yaml'), 'test');
    assert.equal(first.changed, true);
    const commentOnly = await state.recordMapping(parseScheme(`# a comment\n${text}`, 'b.yaml'), 'test');
    assert.equal(commentOnly.changed, false, 'comments and file names do not change the mapping');
    const edited = await state.recordMapping(parseScheme(text.replace('FStockProperty: "5"', 'FStockProperty: "1"'), 'c.yaml'), 'test');
    assert.equal(edited.changed, true);
    assert.equal(edited.previousHash, first.state.mappingHash);
    const changes = (await store.readStream(`scheme-${NAME}`)).filter((e) => e.type === 'SchemeMappingChanged');
    assert.equal(changes.length, 2);
    assert.deepEqual((changes[1]!.data as { previousHash: string }).previousHash, first.state.mappingHash);
  });
});
