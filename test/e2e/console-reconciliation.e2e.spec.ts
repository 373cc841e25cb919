import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Page } from 'playwright-core';
import { waitFor } from '../support/wait-for';
import { ConsoleHarness, startConsoleHarness } from './support/console-harness';

/** Issue 14 in the console: the 对账 page runs a reconciliation, shows a drift side by side, and accepts it. */
describe('对账 page in Chromium (hub on embedded defaults, simulators)', { timeout: 300_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  const synced = async () => {
    const s = (await h.api('GET', '/status')).body;
    return (
      s.processors.every((p: { lagEvents: number; kind: string }) => p.kind === 'other' || p.lagEvents === 0) && s.kingdeeSink.lag === 0
    );
  };

  before(async () => {
    h = await startConsoleHarness();
    page = h.page;
    const { body } = await h.api('POST', '/sync/wdt');
    await waitFor(async () => (await h.api('GET', `/sync/wdt/runs/${body.runId}`)).body.status === 'succeeded', 'the sync', 90_000);
    await waitFor(() => h.kingdee.admin.stocks().length === h.wdt.admin.listWarehouses().length, 'every warehouse in Kingdee', 90_000);
    await waitFor(synced, 'the sink to catch up', 90_000);
  });
  after(async () => h?.close());

  it('runs a reconciliation, shows the renamed record with both names, and accepting it leaves nothing to decide', async () => {
    const no = h.wdt.admin.listWarehouses()[3]!.warehouse_no;
    h.kingdee.admin.editStock(no, { FName: '金蝶里手工改的名字' });
    await page.goto(h.hub.url);
    await page.fill('input[name=apiKey]', h.keys.admin);
    await page.click('button[type=submit]');
    await page.click('nav.nav a:has-text("对账")');
    await page.locator('[data-testid=reconciliation]').waitFor();
    await page.click('button:has-text("立即对账")');
    await page.locator('.notice:has-text("对账完成")').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=rc-count-kingdee_drift]', { hasText: '1' }).waitFor();
    // The stewards' inbox lists the finding beside every other open task and leads back here to decide it.
    await page.click('nav.nav a:has-text("待办")');
    const inboxRow = page.locator('[data-testid=inbox] tbody tr', { hasText: '金蝶字段不一致' });
    assert.match(await inboxRow.innerText(), new RegExp(no));
    assert.equal(await inboxRow.locator('a:has-text("去处理")').getAttribute('href'), '/reconciliation');
    // The record's page names the open finding and leads to the page that decides it (not to the sync failures).
    await inboxRow.locator(`a:has-text("${no}")`).click();
    const badge = page.locator('a', { has: page.locator('.badge', { hasText: '待处理：金蝶字段不一致' }) });
    assert.equal(await badge.getAttribute('href'), '/reconciliation');
    await badge.click();
    await page.locator('[data-testid=reconciliation]').waitFor();
    const row = page.locator('[data-testid=rc-tasks] tbody tr', { hasText: '金蝶里手工改的名字' });
    assert.match(await row.innerText(), new RegExp(`${no}[\\s\\S]*FName[\\s\\S]*金蝶里手工改的名字`));
    await h.screenshot('14-reconciliation');
    await row.locator('button:has-text("接受金蝶的值")').click();
    await page.locator('[data-testid=rc-tasks] td.empty').waitFor({ timeout: 30_000 });
    const [golden] = (await h.api('GET', `/warehouses?q=${encodeURIComponent(no)}`)).body.items;
    const detail = (await h.api('GET', `/warehouses/${golden.goldenId}`)).body;
    assert.deepEqual([detail.overrides.name.value, detail.overrides.name.reason], ['金蝶里手工改的名字', 'accepted from Kingdee']);
  });
});
