import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { runCli } from '../cli';
import { loadConfig, projectRoot } from '../config/config';
import { RunningHub, startHub } from '../hub';
import { createLogger } from '../platform/logging/logger';
import { recordStall } from '../event-store/processor-stalls';
import { ProcessorSupervisor } from '../processors/processor-supervisor';
import { generatedWarehouses } from '../warehouses/testing/generated-warehouses';
import { syncContext } from '../warehouses/testing/test-kit';
import type { Warehouses } from '../warehouses/warehouses.factory';
import { WAREHOUSES } from '../warehouses/warehouses.tokens';

const KEY = 'cli-admin-key-000001';
const SCHEME = path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml');

/** Runs `mdm …` in this process with the given environment; captures stdout and stderr. */
async function mdm(env: Record<string, string | undefined>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const saved = { ...process.env };
  const out: string[] = [];
  const err: string[] = [];
  const [stdout, stderr] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  Object.assign(process.env, env);
  // The test runner talks to its parent over stdout in binary chunks: those pass through.
  const capture = (into: string[], original: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: unknown[]) =>
      typeof chunk === 'string' ? (into.push(chunk), true) : original(chunk as Uint8Array, ...(rest as []))) as typeof process.stdout.write;
  process.stdout.write = capture(out, stdout);
  process.stderr.write = capture(err, stderr);
  try {
    return { code: await runCli(argv), out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    process.env = saved;
  }
}

describe('mdm operator commands (through a running hub, else in-process)', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let env: Record<string, string>;
  before(async () => {
    db = await createTestDatabase('operator_cli');
    env = { DATABASE_URL: db.url, MDM_API_KEYS: `ops:admin:${KEY}`, LOG_LEVEL: 'silent', WDT_POLL_INTERVAL: '0' };
    hub = await startHub(loadConfig({ ...env, PORT: '0' }), { runWorkers: false, logger: createLogger({ level: 'silent', secrets: [] }) });
    await hub.app.get<Warehouses>(WAREHOUSES).observationRecorder.recordObservations(generatedWarehouses(5), syncContext('run-cli'));
    await hub.app.get(ProcessorSupervisor).catchUp();
  });
  after(async () => {
    await hub?.stop();
    await db?.close();
  });
  const port = () => new URL(hub.url).port;

  it('scheme validate: ok for the shipped template; line-pointing errors and exit 1 for a broken file', async () => {
    const ok = await mdm({}, 'scheme', 'validate', SCHEME);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /ok — wdt-warehouse-to-kingdee-stock v1/);
    const broken = path.join(tmpdir(), `broken-scheme-${process.pid}.yaml`);
    writeFileSync(
      broken,
      'name: broken\nversion: 1\nsource:\n  system: wdt\n  api: nope\ntarget:\n  system: kingdee\n  formId: BD_STOCK\n  operation: BatchSave\n  options: {IsVerifyBaseDataField: false, IsAutoSubmitAndAudit: true}\nmapping:\n  FName: "{{nme}}"\n',
    );
    const bad = await mdm({}, 'scheme', 'validate', broken);
    assert.equal(bad.code, 1);
    assert.match(bad.err, new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:8 source.api:`));
    assert.match(bad.err, /:12:\d+ mapping.FName: unknown template variable \{\{nme\}\}/);
    // bin/mdm turns a thrown CliError into one stderr line and exit 1.
    await assert.rejects(mdm({}, 'scheme', 'validate', '/nonexistent.yaml'), /cannot read \/nonexistent.yaml: no such file/);
  });

  it('scheme preview through the hub prints the exact BatchSave bodies, nothing sent', async () => {
    const { code, out, err } = await mdm({ ...env, PORT: port() }, 'scheme', 'preview', SCHEME, '--limit', '3');
    assert.equal(code, 0, err);
    const bodies = JSON.parse(out) as { formid: string; data: { IsAutoSubmitAndAudit: boolean; Model: Record<string, unknown>[] } }[];
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0]!.formid, 'BD_STOCK');
    assert.equal(bodies[0]!.data.IsAutoSubmitAndAudit, true);
    const [first] = await db.dataSource.query(`SELECT warehouse_no, name FROM golden_warehouses ORDER BY warehouse_no LIMIT 1`);
    assert.deepEqual(
      { FNumber: bodies[0]!.data.Model[0]!.FNumber, FName: bodies[0]!.data.Model[0]!.FName },
      { FNumber: first.warehouse_no, FName: first.name },
    );
    assert.deepEqual(bodies[0]!.data.Model[0]!.FUseOrgId, { FNumber: '100.02' });
    assert.equal(bodies[0]!.data.Model.length, 3);
  });

  it('status and replay go through the running hub when one answers (the job is the API key’s)', async () => {
    const status = await mdm({ ...env, PORT: port() }, 'status', '--json');
    assert.equal(status.code, 0, status.err);
    assert.equal(JSON.parse(status.out).events.count, 5);
    const replay = await mdm({ ...env, PORT: port() }, 'replay', '--projection', 'warehouses.golden-records');
    assert.equal(replay.code, 0, replay.err);
    assert.match(replay.out, /replayed warehouses\.golden-records: 5 events/);
    const [job] = await db.dataSource.query(`SELECT actor FROM operator_jobs WHERE kind = 'replay' ORDER BY started_at DESC LIMIT 1`);
    assert.equal(job.actor, 'api:ops');
  });

  it('falls back to running in-process when no hub answers; failures exit non-zero with one line', async () => {
    const free = { ...env, PORT: '1' };
    const status = await mdm(free, 'status');
    assert.equal(status.code, 0, status.err);
    assert.match(status.out, /^events\s+5 /m);
    const resync = await mdm(free, 'resync', 'kingdee', '--id', 'wh_does_not_exist');
    assert.equal(resync.code, 1);
    assert.match(resync.err, /could not be resynced/);
    const [job] = await db.dataSource.query(
      `SELECT actor FROM operator_jobs WHERE kind = 'resync.kingdee' ORDER BY started_at DESC LIMIT 1`,
    );
    assert.equal(job.actor, 'cli');
  });

  it('replay --from beyond the live checkpoint refuses with one line (nothing between is lost)', async () => {
    const { p: live } = (
      await db.dataSource.query(`SELECT global_position::text AS p FROM processor_checkpoints WHERE name = $1`, [GOLDEN])
    )[0];
    await hub.app
      .get<Warehouses>(WAREHOUSES)
      .observationRecorder.recordObservations(generatedWarehouses(1, 'LATE'), syncContext('run-late', 5));
    const { p: beyond } = (await db.dataSource.query(`SELECT max(global_position)::text AS p FROM events`))[0];
    await assert.rejects(
      mdm({ ...env, PORT: port() }, 'replay', '--projection', GOLDEN, '--from', beyond),
      new RegExp(`--from ${beyond} is beyond ${GOLDEN}'s live checkpoint \\(position ${live}\\)`),
    );
  });

  it('processor skip: an admin lets a stalled processor pass the event it fails on, audited; status shows the stall', async () => {
    const [failing] = await db.dataSource.query(
      `SELECT e.global_position::text AS p, e.transaction_id::text AS t FROM events e, processor_checkpoints c
        WHERE c.name = $1 AND (e.transaction_id, e.global_position) > (c.transaction_id, c.global_position)
        ORDER BY e.transaction_id, e.global_position LIMIT 1`,
      [GOLDEN],
    );
    await recordStall(db.dataSource, GOLDEN, {
      failingTransactionId: failing.t,
      failingPosition: failing.p,
      narrowed: true,
      error: 'cannot apply',
      attempts: 3,
      retryInMs: 60_000,
    });
    const status = await mdm({ ...env, PORT: port() }, 'status');
    assert.match(
      status.out,
      new RegExp(`STALLED since .*: at position ${failing.p} \\(tx ${failing.t}\\), 3 attempt\\(s\\).*cannot apply`),
    );
    await assert.rejects(
      mdm({ ...env, PORT: port() }, 'processor', 'skip', GOLDEN, '--position', '1', '--reason', 'x'),
      /has already passed position 1|is stalled on position/,
    );
    await assert.rejects(mdm({ ...env, PORT: port() }, 'processor', 'skip', GOLDEN, '--position', failing.p), /--reason is required/);
    const skip = await mdm(
      { ...env, PORT: port() },
      'processor',
      'skip',
      GOLDEN,
      '--position',
      failing.p,
      '--reason',
      'garbled WDT record',
    );
    assert.equal(skip.code, 0, skip.err);
    assert.match(skip.out, new RegExp(`${GOLDEN} will skip position ${failing.p} .*recorded by api:ops`));
    const [audit] = await db.dataSource.query(`SELECT type, metadata->>'actor' AS actor, data FROM events WHERE stream_id = $1`, [
      `processor-${GOLDEN}`,
    ]);
    assert.deepEqual([audit.type, audit.actor, audit.data.reason], ['ProcessorEventSkipped', 'api:ops', 'garbled WDT record']);
    const post = async (name: string, body: unknown) => {
      const res = await fetch(`${hub.url}/api/v1/processors/${name}/skip`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
    };
    assert.deepEqual(
      await post('nope', { position: 5, reason: 'x' }),
      { status: 404, code: 'not_found' },
      'a JSON number is a position too',
    );
    assert.deepEqual(await post(GOLDEN, { position: 'abc', reason: 'x' }), { status: 400, code: 'validation_failed' });
    // Every processor of the app passes the audit event; the skipping one leaves out exactly that event.
    await hub.app.get(ProcessorSupervisor).catchUp();
    const [head] = await db.dataSource.query(`SELECT max(global_position)::text AS p FROM events`);
    const positions = await db.dataSource.query(
      `SELECT name, global_position::text AS p FROM processor_checkpoints WHERE name NOT LIKE 'replay:%'`,
    );
    for (const c of positions) assert.equal(c.p, head.p, `${c.name} at the head`);
  });

  it('sync wdt in-process without WDT credentials pulls from the demo runtime’s WDT simulator', async () => {
    const sync = await mdm({ ...env, PORT: '1' }, 'sync', 'wdt');
    assert.equal(sync.code, 0, sync.err);
    // The demo's seeded 30 warehouses and the near-copy of one.
    assert.match(sync.out, /^WDT sync succeeded: pages \d+, seen 31, /m);
  });
});

const GOLDEN = 'warehouses.golden-records';
