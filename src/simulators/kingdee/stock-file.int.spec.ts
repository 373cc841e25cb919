import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { waitFor } from '../../../test/support/wait-for';
import { startKingdeeSimulator } from './server';

const ORG = { FUseOrgId: { FNumber: '100' }, FCreateOrgId: { FNumber: '100' } };

describe('Kingdee simulator with a data file (demo mode keeps BD_STOCK across restarts)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kingdee-sim-file-'));
  const dataFile = path.join(dir, 'nested', 'kingdee-simulator.json');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes changes to the file soon after they happen and loads them at the next start', async () => {
    const first = await startKingdeeSimulator({ dataFile });
    let a;
    try {
      a = first.admin.addStock({ FNumber: 'SH-01', FName: '上海仓', ...ORG });
      first.admin.addStock({ FNumber: 'BJ-01', FName: '北京仓', ...ORG });
      await waitFor(() => existsSync(dataFile) && readFileSync(dataFile, 'utf8').includes('BJ-01'), 'the debounced write', 5_000);
      first.admin.editStock('SH-01', { FName: '上海浦东仓' });
    } finally {
      await first.stop(); // flushes the edit made within the debounce window
    }

    const second = await startKingdeeSimulator({ dataFile });
    try {
      assert.deepEqual(
        second.admin.stocks().map((s) => [s.FStockId, s.FNumber, s.FName]),
        [
          [a.FStockId, 'SH-01', '上海浦东仓'],
          [a.FStockId + 1, 'BJ-01', '北京仓'],
        ],
      );
      const c = second.admin.addStock({ FNumber: 'GZ-01', FName: '广州仓', ...ORG });
      assert.equal(c.FStockId, a.FStockId + 2, 'ids continue after the restored ones');
    } finally {
      await second.stop();
    }
  });

  it('keeps everything in memory without a data file', async () => {
    const sim = await startKingdeeSimulator();
    try {
      sim.admin.addStock({ FNumber: 'SZ-01', FName: '深圳仓', ...ORG });
    } finally {
      await sim.stop();
    }
    const again = await startKingdeeSimulator();
    assert.deepEqual(again.admin.stocks(), []);
    await again.stop();
  });
});
