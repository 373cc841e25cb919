import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config';
import { RunningHub, startHub } from '../../src/hub';
import { WDT_CONNECTION } from '../../src/ingestion/wdt-ingestion.module';
import type { WdtConnection } from '../../src/ingestion/wdt-connection';
import { createLogger } from '../../src/platform/logging/logger';
import { waitFor } from '../support/wait-for';

/**
 * `npm start` with no configuration at all (only a temp data dir and port 0): demo mode runs the
 * whole pipeline on its own — WDT simulator → first sync at start → embedded log → sink → Kingdee
 * simulator — with exactly one WDT simulator, and says how many records reached Kingdee.
 */
describe('demo mode: the whole pipeline with no configuration', { timeout: 300_000 }, () => {
  let dataDir: string;
  let hub: RunningHub;
  const lines: { msg?: string; saved?: number }[] = [];

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mdm-demo-e2e-'));
    const config = loadConfig({ MDM_DATA_DIR: dataDir, PORT: '0' });
    const logger = createLogger({
      level: 'info',
      secrets: [],
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    hub = await startHub(config, { logger });
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
    assert.equal(
      hub.app.get<WdtConnection>(WDT_CONNECTION).simulator,
      undefined,
      'ingestion uses the bootstrap’s WDT simulator, no second one',
    );
    const admin = `${new URL(hub.config.kingdee.baseUrl!).origin}/__admin/stocks`;
    const stocks = await waitFor(
      async () => {
        const list = (await (await fetch(admin)).json()) as { FNumber: string }[];
        return list.length === 30 ? list : undefined;
      },
      '30 warehouses in the simulated Kingdee',
      120_000,
      200,
    );
    assert.equal(new Set(stocks.map((s) => s.FNumber)).size, 30);
    // One line per quiet spell (1 s without a batch): on a loaded machine the partitions' batches may land in two.
    const summaries = () => lines.filter((l) => /^Kingdee sink: \d+ saved/.test(l.msg ?? ''));
    await waitFor(
      () => summaries().reduce((n, l) => n + (l.saved ?? 0), 0) === 30,
      'the sink’s summary lines to add up to 30 saved',
      10_000,
    ).catch((error: Error) => assert.fail(`${error.message}: ${JSON.stringify(summaries().map((l) => l.msg))}`));
    for (const l of summaries()) assert.match(l.msg!, /saved, 0 updated, 0 failed, 0 skipped$/);
    t.diagnostic(`30 records in Kingdee ${((Date.now() - started) / 1000).toFixed(1)} s after the hub was up`);
  });
});
