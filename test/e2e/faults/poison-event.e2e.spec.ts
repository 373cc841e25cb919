import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../../../src/config/config';
import { waitFor } from '../../support/wait-for';
import { FaultRig } from './support/fault-rig';
import { assertInvariants, stallOf } from './support/invariants';

const WAREHOUSES = 200;

/**
 * A poison event: an event of a known type whose data no projection can apply (KingdeeSyncSucceeded
 * with `null` data), appended straight to the events table. Every processor that cannot apply it
 * stalls visibly (GET /api/v1/status: `stalled` with since, failingPosition, error); `mdm processor skip NAME
 * --position P --reason TEXT` (for the first) and POST /api/v1/processors/NAME/skip (for the others)
 * let each one resume, and the hub delivers everything after it.
 */
describe('faults: a poison event stalls processors visibly; skip resumes them', { timeout: 600_000 }, () => {
  let rig: FaultRig;
  before(async () => {
    rig = await FaultRig.start({ label: 'poison', warehouses: WAREHOUSES });
  });
  after(() => rig?.close());

  it('shows the stall in /status and resumes after an audited skip', async (t) => {
    await rig.guard(async () => {
      const started = Date.now();
      const hub = await rig.startHub();
      const api = rig.api();
      const run = await api.sync();
      assert.equal(run.status, 'succeeded', run.error);
      await waitFor(async () => (await api.countWarehouses('synced')) === WAREHOUSES, `all ${WAREHOUSES} synced`, 180_000, 250);

      const [{ position }] = await rig.db.dataSource.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata, occurred_at)
         VALUES (gen_random_uuid(), $1, 1, 'KingdeeSyncSucceeded', 'null'::jsonb, '{}'::jsonb, now())
         RETURNING global_position::text AS position`,
        [`warehouse-poison-${rig.random.seed}`],
      );
      // Events behind the poison: the hub must deliver them once the poison is skipped.
      const edited = rig.random.pick(rig.sims.wdt.admin.listWarehouses());
      const renamed = `${edited.name}毒后`;
      rig.sims.wdt.admin.editWarehouse(edited.warehouse_no, { name: renamed });
      assert.equal((await api.sync()).changed, 1);

      // Settled: every processor has either stalled at the poison or applied past it. Taking the stalled ones as soon
      // as the first reports would leave a processor that stalls a moment later unskipped.
      const settledAt = (p: Record<string, unknown>) =>
        stallOf(p)?.position === position || BigInt(String(p.position ?? '0')) >= BigInt(position);
      let seen: Record<string, unknown>[] = [];
      const stalled: Record<string, unknown>[] = await waitFor(
        async (): Promise<Record<string, unknown>[] | undefined> => {
          seen = (await api.call('GET', '/status')).processors;
          const atPoison = seen.filter((p) => stallOf(p)?.position === position);
          return atPoison.length > 0 && seen.every(settledAt) ? atPoison : undefined;
        },
        `every processor to stall at the poison event ${position} or pass it, in GET /api/v1/status`,
        60_000,
        250,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; processors: ${JSON.stringify(seen)}`);
      });
      for (const p of stalled) {
        const stall = stallOf(p)!;
        assert.ok(stall.since, `${String(p.name)}: no "since" in its stall ${JSON.stringify(stall)}`);
        assert.ok(stall.error, `${String(p.name)}: no error in its stall ${JSON.stringify(stall)}`);
        assert.ok(Number(p.lagEvents) > 0, `${String(p.name)}: stalled but shows no lag`);
      }
      t.diagnostic(`stalled at ${position}: ${stalled.map((p) => String(p.name)).join(', ')}`);

      // The CLI for one of the warehouse read models, the API for every other stalled processor.
      const names = stalled.map((p) => String(p.name));
      const viaCli = names.find((n) => n.startsWith('warehouses.')) ?? names[0]!;
      const viaApi = names.filter((n) => n !== viaCli);
      const port = new URL(hub.url).port;
      await promisify(execFile)(
        process.execPath,
        [
          path.join(projectRoot(), 'dist', 'src', 'cli.js'),
          'processor',
          'skip',
          viaCli,
          '--position',
          position,
          '--reason',
          'fault suite: poison event',
        ],
        { env: { ...rig.env, PORT: port }, timeout: 60_000 },
      ).catch((error: { stderr?: string; message: string }) => {
        throw new Error(`mdm processor skip ${viaCli} --position ${position} failed: ${error.stderr || error.message}`);
      });
      for (const name of viaApi) {
        await api
          .call('POST', `/processors/${encodeURIComponent(name)}/skip`, { position, reason: 'fault suite: poison event' })
          .catch((error: Error) => {
            throw new Error(`${name} is stalled at ${position} (GET /api/v1/status) but cannot be skipped: ${error.message}`);
          });
      }
      const skips: { n: number }[] = await rig.db.dataSource.query(
        `SELECT count(*)::int AS n FROM events WHERE type = 'ProcessorEventSkipped' AND data->>'position' = $1`,
        [position],
      );
      assert.equal(skips[0]!.n, stalled.length, `each skip is recorded as an event (found ${skips[0]!.n} for ${stalled.length} skips)`);

      await waitFor(
        () => rig.sims.kingdee.admin.stock(edited.warehouse_no)?.FName === renamed,
        'the edit behind the poison to reach Kingdee',
        120_000,
        250,
      );
      await assertInvariants(rig);
      t.diagnostic(`scenario took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  });
});
