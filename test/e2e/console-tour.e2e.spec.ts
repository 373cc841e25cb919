import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Page } from 'playwright-core';
import type { SimWarehouse } from '../../src/simulators/wdt';
import { waitFor } from '../support/wait-for';
import { ConsoleHarness, startConsoleHarness } from './support/console-harness';

/**
 * Issue 15: every page of the console with content (a suspected duplicate, a Kingdee rejection, an
 * override), in both languages: no dictionary key missing (the console records each one it was
 * asked for and did not have), no English label on a Chinese page, and a screenshot of each.
 */
describe('console tour in both languages (Chromium, hub on embedded defaults)', { timeout: 600_000 }, () => {
  let h: ConsoleHarness;
  let page: Page;
  let subject: SimWarehouse;
  let subjectId: string;
  const REJECTED = 'JNLC003';

  before(async () => {
    h = await startConsoleHarness();
    page = h.page;
    h.kingdee.admin.rejectNumber(REJECTED);
    subject = h.wdt.admin
      .listWarehouses()
      .find((w) => w.is_disabled === 0 && w.address && !/\d/.test(w.name) && w.warehouse_no !== REJECTED)!;
    const { province, city, district, address, contact, telno, mobile, zip, type, warehouse_type, is_defect } = subject;
    h.wdt.admin.addWarehouse({
      ...{ province, city, district, address, contact, telno, mobile, zip, type, warehouse_type, is_defect, is_disabled: 0 },
      warehouse_no: `${subject.warehouse_no}B`,
      warehouse_id: String(900000 + (Number(subject.warehouse_id) % 1000)),
      name: `${subject.name}库`,
    });
    const { body } = await h.api('POST', '/sync/wdt');
    await waitFor(async () => (await h.api('GET', `/sync/wdt/runs/${body.runId}`)).body.status === 'succeeded', 'the sync', 90_000);
    const open = async (type: string) => (await h.api('GET', `/stewardship/tasks?type=${type}&status=open`)).body.total > 0;
    await waitFor(() => open('duplicate'), 'a suspected duplicate', 90_000);
    await waitFor(() => open('sync_failure'), 'a Kingdee rejection', 90_000);
    subjectId = (await h.api('GET', `/warehouses?q=${encodeURIComponent(subject.warehouse_no)}`)).body.items.find(
      (w: { warehouseNo: string }) => w.warehouseNo === subject.warehouse_no,
    ).goldenId;
    await waitFor(async () => {
      const current = await h.api('GET', `/warehouses/${subjectId}`);
      const put = await h.api('PUT', `/warehouses/${subjectId}/overrides/contact`, {
        key: h.keys.steward,
        body: { value: '王五', reason: '仓库通知' },
        headers: { 'If-Match': current.headers.get('etag')! },
      });
      return put.status < 300;
    }, 'an override (the sink may be recording a result meanwhile)');
    await page.goto(h.hub.url);
    await page.fill('input[name=apiKey]', h.keys.admin);
    await page.click('button[type=submit]');
    await page.locator('[data-testid=whoami]').waitFor();
  });
  after(async () => h?.close());

  const pages: { name: string; path: () => string; ready: string }[] = [
    { name: 'warehouses', path: () => '/warehouses', ready: '[data-testid=warehouse-table][aria-busy=false] tbody tr.clickable' },
    { name: 'detail', path: () => `/warehouses/${subjectId}`, ready: '[data-testid=source-value]' },
    { name: 'inbox', path: () => '/stewardship', ready: '[data-testid=inbox-counts]' },
    { name: 'duplicates', path: () => '/stewardship/duplicates', ready: '.reasons .chip' },
    { name: 'sync-failures', path: () => '/stewardship/sync-failures', ready: '[data-testid=sync-failures] tbody tr' },
    { name: 'reconciliation', path: () => '/reconciliation', ready: '[data-testid=rc-tasks]' },
    { name: 'operations', path: () => '/operations', ready: '[data-testid=status-tiles]' },
    { name: 'status', path: () => '/status', ready: '[data-testid=chart-sync-runs] .recharts-bar-rectangle' },
  ];

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`shows every page in ${lang} with every label translated`, async () => {
      await page.evaluate(`localStorage.setItem('mdm.console.lang', '${lang}')`);
      for (const p of pages) {
        await page.goto(`${h.hub.url}${p.path()}`);
        await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
        await h.screenshot(`tour-${p.name}-${lang}`);
        const missing = await page.evaluate(() => [...((globalThis as { __mdmUntranslated?: Set<string> }).__mdmUntranslated ?? [])]);
        assert.deepEqual(missing, [], `${p.name} (${lang}) asked for keys the dictionary lacks`);
        if (lang === 'zh-CN') assert.deepEqual(await englishLabels(page), [], `${p.name}: English labels on a Chinese page`);
      }
    });
  }

  it('draws lag, throughput, the WDT → Kingdee delay and the sync runs from the samples the hub keeps', async () => {
    const history = await waitFor(async () => {
      const { body } = await h.api('GET', '/status/history');
      return body.samples.some((s: { wdtToKingdeeAvgSeconds: number | null }) => s.wdtToKingdeeAvgSeconds !== null) ? body : null;
    }, 'a sample with a WDT → Kingdee delay');
    assert.ok(history.samples.length >= 2 && history.syncRuns.length >= 1, JSON.stringify(history).slice(0, 500));
    await page.evaluate(`localStorage.setItem('mdm.console.lang', 'zh-CN')`);
    await page.goto(`${h.hub.url}/status`);
    // A line drawn: a curve with points. Not `visible`: a flat line (lag 0 throughout) has no height, which Playwright calls hidden.
    for (const chart of ['chart-lag', 'chart-throughput'])
      await page.locator(`[data-testid=${chart}] .recharts-line-curve[d*="L"]`).first().waitFor({ state: 'attached' });
    // The delay is known only for samples with saves: a curve where two follow each other, else a dot.
    const delay = '[data-testid=chart-latency] .recharts-line-curve[d*="L"], [data-testid=chart-latency] circle.lone-point';
    await page.locator(delay).first().waitFor({ state: 'attached' });
    await page.locator('[data-testid=chart-sync-runs] .recharts-bar-rectangle').first().waitFor();
    assert.match(await page.locator('[data-testid=chart-latency]').innerText(), /旺店通 → 金蝶 耗时[\s\S]*平均[\s\S]*最长/);
    await h.screenshot('tour-status-charts-zh-CN');
  });

  it('names the warehouse in the breadcrumb and the tab title and shows the WDT value beside the override', async () => {
    await page.evaluate(`localStorage.setItem('mdm.console.lang', 'zh-CN')`);
    await page.goto(`${h.hub.url}/warehouses/${subjectId}`);
    await page.locator('[data-testid=breadcrumb-current]', { hasText: subject.name }).waitFor();
    assert.ok((await page.title()).includes(subject.name), await page.title());
    await page.locator('tr[data-field=contact] [data-testid=source-value]').waitFor();
    const contact = await page.locator('tr[data-field=contact]').innerText();
    assert.match(contact, /王五/);
    assert.match(contact, new RegExp(`旺店通的值：\\s*${subject.contact ?? '—'}`));
  });

  it('counts what each filter value would find and sorts by a column header, both ways', async () => {
    await page.goto(`${h.hub.url}/warehouses`);
    const table = page.locator('[data-testid=warehouse-table][aria-busy=false]');
    await table.waitFor();
    const total = (await h.api('GET', '/warehouses')).body.total as number;
    const statusOptions = await page.locator('select[name=status] option').allInnerTexts();
    const counts = statusOptions.slice(1).map((text) => Number(/\((\d+)\)$/.exec(text)?.[1]));
    assert.ok(
      counts.every((n) => Number.isInteger(n)),
      statusOptions.join(' | '),
    );
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      total,
      'the status counts add up to every record',
    );
    const versions = async () => (await page.locator('[data-testid=warehouse-table] tbody tr td.num').allInnerTexts()).map(Number);
    await page.click('th[data-sort=version] button');
    await page.waitForURL(/sort=version/);
    await table.waitFor();
    const ascending = await versions();
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a - b),
    );
    await page.click('th[data-sort=version] button');
    await page.waitForURL(/order=desc/);
    await page.locator('th[data-sort=version][aria-sort=descending]').waitFor();
    await table.waitFor();
    const descending = await versions();
    assert.deepEqual(
      descending,
      [...descending].sort((a, b) => b - a),
    );
    assert.ok(descending[0]! > ascending[0]!, 'the override and the Kingdee results made some records newer');
  });
});

/** Visible label texts (headers, terms, buttons, badges, tiles) with a Latin word that is not a technical name. */
async function englishLabels(page: Page): Promise<string[]> {
  const texts = await page.locator('th, dt, label, h1, h2, h3, button, .badge, .tile-label, .chip').allInnerTexts();
  const technical = /warehouse_no|warehouse_id|FStockId|FNumber|FName|English|API|wh_\w+|mdm[-.\w]*|[A-Z]{2,}[\w-]*/g;
  return texts.filter((text) => /[A-Za-z]{3,}/.test(text.replace(technical, '')));
}
