import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../config/config';
import { KingdeeClient } from '../kingdee-sink/kingdee-client';
import { sampleGoldenMessage } from '../schemes/golden-message.fixture';
import { loadSchemeFile } from '../schemes/scheme-loader';
import { startKingdeeSimulator, type KingdeeSimulator } from '../simulators/kingdee';
import { stock } from '../simulators/kingdee/sim-test-client';
import { publicReport } from './domain/findings';
import { parseStockRows, reconcileFieldKeys } from './domain/kingdee-row';
import { reconcile } from './domain/reconcile';
import { goldenSnapshots } from './render-golden';
import { readStockPages } from './read-kingdee-stocks';

const RECORDS = 10_000;
const LIMIT = 2000;

/**
 * The bound the issue asks for: reconciling 10,000 records reads Kingdee in one ExecuteBillQuery
 * per page of `Limit` rows (⌊10,000 / 2,000⌋ + 1 = 6, the last page empty), through the real client
 * against the simulator, then compares all of them with the golden records the sink would render.
 */
describe('reconciling 10,000 records: Kingdee calls per page', { timeout: 300_000 }, () => {
  let sim: KingdeeSimulator;
  before(async () => {
    sim = await startKingdeeSimulator();
  });
  after(() => sim.stop());

  it(`reads ${RECORDS} BD_STOCK in ${Math.floor(RECORDS / LIMIT) + 1} ExecuteBillQuery calls and finds them all in step`, async (t) => {
    const scheme = await loadSchemeFile(path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml'));
    const records = Array.from({ length: RECORDS }, (_, i) => {
      const no = `CK${String(i).padStart(5, '0')}`;
      return { message: sampleGoldenMessage({ goldenId: `g-${no}`, record: { warehouseNo: no, name: `仓库 ${no}` } }), no };
    });
    const golden = goldenSnapshots(
      scheme,
      records.map((r) => ({ message: r.message, fStockId: null, syncedVersion: 3, publishedVersion: 3 })),
    );
    for (const g of golden) {
      const m = g.rendered!;
      sim.admin.addStock(stock(g.warehouseNo, { FName: m.FName, FDescription: m.FDescription, FAddress: m.FAddress }));
    }
    const client = new KingdeeClient({
      baseUrl: sim.url,
      credentials: { acctId: sim.user.acctId, username: sim.user.username, lcid: 2052, password: sim.user.password },
    });
    sim.admin.clearCalls();
    const started = Date.now();
    const pages = await readStockPages((q) => client.executeBillQuery(q), {
      formId: 'BD_STOCK',
      fieldKeys: reconcileFieldKeys(scheme),
      useOrg: '100.02',
      limit: LIMIT,
    });
    const report = publicReport(reconcile({ scheme, golden, kingdee: parseStockRows(scheme, pages.rows), ignored: new Set() }));
    t.diagnostic(`${RECORDS} records: ${pages.calls} ExecuteBillQuery calls, ${Date.now() - started} ms read + compare`);
    assert.equal(pages.calls, Math.floor(RECORDS / LIMIT) + 1);
    assert.equal(sim.admin.callCounts().ExecuteBillQuery, pages.calls);
    assert.deepEqual(
      {
        checked: report.checked,
        kingdee: report.kingdeeRecords,
        d: report.drifted,
        m: report.missingInKingdee,
        u: report.unknownInKingdee,
      },
      { checked: RECORDS, kingdee: RECORDS, d: [], m: [], u: [] },
    );
  });

  it('proposes candidates for 10,000 hand-keyed records without comparing every pair', (t) => {
    return loadSchemeFile(path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml')).then((scheme) => {
      const golden = goldenSnapshots(
        scheme,
        Array.from({ length: RECORDS }, (_, i) => ({
          message: sampleGoldenMessage({ goldenId: `g-${i}`, record: { warehouseNo: `CK${i}`, name: `华东${i}号仓库` } }),
          fStockId: null,
          syncedVersion: null,
          publishedVersion: 3,
        })),
      );
      const keys = reconcileFieldKeys(scheme);
      const rows = golden.map((g, i) =>
        keys.map((k) =>
          k === 'FStockId'
            ? 200000 + i
            : k === 'FNumber'
              ? `HAND-${i}`
              : k === 'FName'
                ? g.rendered!.FName
                : k === 'FAddress'
                  ? g.rendered!.FAddress
                  : 'A',
        ),
      );
      const started = Date.now();
      const report = reconcile({ scheme, golden, kingdee: parseStockRows(scheme, rows), ignored: new Set() });
      const ms = Date.now() - started;
      t.diagnostic(`${RECORDS} unknown records against ${RECORDS} golden records: candidates in ${ms} ms`);
      assert.equal(report.unknownInKingdee.length, RECORDS);
      assert.ok(report.unknownInKingdee.every((u, i) => u.candidateGoldenId === `g-${i}`));
    });
  });
});
