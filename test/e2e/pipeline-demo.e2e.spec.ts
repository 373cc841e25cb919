import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import { createLogger } from '../../src/platform/logging/logger';
import { waitFor } from '../support/wait-for';

/**
 * `npm start` with no configuration at all (only a temp data dir and port 0): demo mode runs the
 * whole pipeline on its own — WDT simulator → first sync at start → embedded log → sink → Kingdee
 * simulator — with exactly one WDT simulator, and says how many records reached Kingdee. The demo
 * seeds a suspected duplicate and a Kingdee rejection, and its Kingdee keeps BD_STOCK across restarts.
 */
describe('demo mode: the whole pipeline with no configuration', { timeout: 300_000 }, () => {
  let dataDir: string;
  let hub: RunningHub;
  const lines: { msg?: string; saved?: number; failed?: number }[] = [];
  const start = () =>
    startHub(loadConfig({ MDM_DATA_DIR: dataDir, PORT: '0' }), {
      logger: createLogger({
        level: 'info',
        secrets: [],
        destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
      }),
    });
  const stocksOf = async (h: RunningHub) =>
    (await (await fetch(`${new URL(h.config.kingdee.baseUrl!).origin}/__admin/stocks`)).json()) as { FNumber: string; FStockId: number }[];

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mdm-demo-e2e-'));
    hub = await start();
  });
  after(async () => {
    await hub?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts both simulators, syncs WDT at start and fills the simulated Kingdee within seconds', async (t) => {
    const started = Date.now();
    assert.ok(
      lines.some((l) => /DEMO MODE: no WDT credentials/.test(l.msg ?? '')),
      'the log says WDT is simulated',
    );
    assert.ok(
      lines.some((l) => /DEMO MODE: no KINGDEE_BASE_URL/.test(l.msg ?? '')),
      'the log says Kingdee is simulated',
    );
    // 30 seeded warehouses and a near-copy of one; Kingdee rejects one of them.
    const stocks = await waitFor(
      async () => {
        const list = await stocksOf(hub);
        return list.length === 30 ? list : undefined;
      },
      '30 warehouses in the simulated Kingdee',
      120_000,
      200,
    );
    assert.equal(new Set(stocks.map((s) => s.FNumber)).size, 30);
    // One line per quiet spell (1 s without a batch): on a loaded machine the partitions' batches may land in two.
    const summaries = () => lines.filter((l) => /^Kingdee sink: \d+ saved/.test(l.msg ?? ''));
    const total = (key: 'saved' | 'failed') => summaries().reduce((n, l) => n + (l[key] ?? 0), 0);
    await waitFor(
      () => total('saved') === 30 && total('failed') >= 1,
      'the sink’s summary lines to add up to 30 saved and the one rejection',
      10_000,
    ).catch((error: Error) => assert.fail(`${error.message}: ${JSON.stringify(summaries().map((l) => l.msg))}`));
    for (const l of summaries()) assert.match(l.msg!, /saved, 0 updated, \d+ failed, 0 skipped$/);
    t.diagnostic(`30 records in Kingdee ${((Date.now() - started) / 1000).toFixed(1)} s after the hub was up`);
  });

  it('has a suspected duplicate and a Kingdee rejection for the console to show', async () => {
    const key = readFileSync(path.join(dataDir, 'admin-api-key'), 'utf8').trim();
    const open = async (type: string) => {
      const response = await fetch(`${hub.url}/api/v1/stewardship/tasks?type=${type}&status=open`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      return ((await response.json()) as { total: number }).total;
    };
    await waitFor(async () => (await open('duplicate')) === 1, 'one suspected duplicate', 30_000);
    await waitFor(async () => (await open('sync_failure')) >= 1, 'a Kingdee sync failure', 30_000);
  });

  it('keeps the simulated Kingdee’s records across a restart', async () => {
    const before = (await stocksOf(hub)).map((s) => [s.FStockId, s.FNumber]);
    await hub.stop();
    hub = await start();
    assert.deepEqual(
      (await stocksOf(hub)).map((s) => [s.FStockId, s.FNumber]),
      before,
      'the same BD_STOCK records, ids included, right after the start',
    );
  });
});
