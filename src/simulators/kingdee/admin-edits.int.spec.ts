import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startKingdeeSimulator, type KingdeeSimulator } from './server';
import { FORM, loginCookie, rawPost, stock } from './sim-test-client';

/** Reconciliation needs a Kingdee that people change behind the hub's back, read page by page. */
describe('Kingdee simulator: edits behind the hub’s back, paged ExecuteBillQuery', () => {
  let sim: KingdeeSimulator;
  let session: Record<string, string>;
  const admin = async (path: string, body: unknown) =>
    (
      await fetch(`${sim.url.replace(/\/k3cloud\/$/, '')}/__admin/${path}`, { method: 'POST', body: JSON.stringify(body) })
    ).json() as Promise<any>;
  const query = (data: Record<string, unknown>) =>
    rawPost(sim.url, `${FORM}.ExecuteBillQuery`, { data: { FormId: 'BD_STOCK', ...data } }, session);

  before(async () => {
    sim = await startKingdeeSimulator();
  });
  after(() => sim.stop());
  beforeEach(async () => {
    sim.admin.reset();
    session = await loginCookie(sim.url, sim.user);
  });

  it('edits a record in place (same FStockId, typed like a save), forbids it, deletes it; unknown numbers are errors', async () => {
    const added = sim.admin.addStock(stock('CK001'));
    const edited = sim.admin.editStock('ck001', { FName: '手工改名', FAllowMinusQty: 'false', FForbidStatus: 'B' });
    assert.deepEqual(
      { id: edited.FStockId, name: edited.FName, minus: edited.FAllowMinusQty, forbid: edited.FForbidStatus, group: edited.FGroup },
      { id: added.FStockId, name: '手工改名', minus: false, forbid: 'B', group: { FNumber: '02' } },
    );
    assert.throws(() => sim.admin.editStock('CK404', { FName: 'x' }), /no stock numbered CK404/);
    assert.equal(sim.admin.deleteStock('CK001'), true);
    assert.equal(sim.admin.deleteStock('CK001'), false);
    assert.equal(sim.admin.stocks().length, 0);
  });

  it('offers the same over HTTP: /__admin/stocks/edit and /__admin/stocks/delete', async () => {
    await admin('stocks', stock('CK002'));
    const edited = await admin('stocks/edit', { number: 'CK002', fields: { FName: '改过' } });
    assert.equal(edited.FName, '改过');
    assert.deepEqual(await admin('stocks/delete', { number: 'CK002' }), { deleted: true });
    assert.deepEqual((await query({ FieldKeys: 'FNumber' })).json, []);
  });

  it('pages a whole use-org with StartRow/Limit ordered by FStockId; the last page is short', async () => {
    for (let i = 1; i <= 7; i++) sim.admin.addStock(stock(`P${i}`));
    sim.admin.addStock(stock('OTHER', { FUseOrgId: { FNumber: '100.03' }, FCreateOrgId: { FNumber: '100.03' } }));
    const page = async (start: number) =>
      (
        await query({
          FieldKeys: 'FStockId,FNumber,FUseOrgId.FNumber',
          FilterString: "FUseOrgId.FNumber='100.02'",
          OrderString: 'FStockId',
          StartRow: start,
          Limit: 3,
        })
      ).json as unknown[][];
    const pages = [await page(0), await page(3), await page(6)];
    assert.deepEqual(
      pages.map((p) => p.map((row) => row[1])),
      [['P1', 'P2', 'P3'], ['P4', 'P5', 'P6'], ['P7']],
    );
    assert.ok(pages.flat().every((row) => row[2] === '100.02'));
  });
});
