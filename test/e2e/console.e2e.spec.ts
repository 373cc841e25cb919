import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Page } from 'playwright-core';
import type { SimWarehouse } from '../../src/simulators/wdt';
import { ConsoleHarness, eventually, requireEndpoint, startConsoleHarness } from './support/console-harness';

/**
 * Issue #7: the stewards' console in a real browser against the real hub on embedded defaults.
 * One browser session walks a steward's day: sign in, sync, search, open, override, merge.
 */
describe('stewards console in Chromium (hub on embedded defaults, WDT simulator)', () => {
  let h: ConsoleHarness;
  let page: Page;
  let subject: SimWarehouse;
  /** Kingdee rejects this one until the fault is cleared: a sync failure to retry. */
  const REJECTED = 'JNLC003';

  before(async () => {
    h = await startConsoleHarness();
    page = h.page;
    // A warehouse with a plain name and a street address: the one the steward works on.
    subject = h.wdt.admin.listWarehouses().find((w) => w.is_disabled === 0 && w.address && !/\d/.test(w.name))!;
    assert.ok(subject, 'the simulator seed has an enabled warehouse with an address');
    h.kingdee.admin.rejectNumber(REJECTED);
  });
  after(async () => h?.close());

  const signIn = async (key: string) => {
    await page.goto(h.hub.url);
    await page.fill('input[name=apiKey]', key);
    await page.click('button[type=submit]');
  };
  const nav = (label: string) => page.click(`nav.nav a:has-text("${label}")`);
  const rowOf = (field: string) => page.locator(`tr[data-field=${field}]`);
  /** The warehouse list keeps showing the previous answer while it loads the next one. */
  const settled = () => page.locator('[data-testid=warehouse-table][aria-busy=false]').waitFor();
  /**
   * The Kingdee sink records each write as an event on the record (a new version): wait until the
   * record shown is synced, so the version a steward edits is not overtaken by the sink's result.
   */
  const syncedOnPage = () =>
    eventually(page, async () => assert.match(await page.locator('.detail-header .header-badges').innerText(), /已同步/), { tries: 60 });

  it('is served at / with SPA fallback, leaving the API, /api/docs and /metrics to the hub', async () => {
    const get = async (p: string, key?: string) => {
      const response = await fetch(`${h.hub.url}${p}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
      return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
    };
    for (const p of ['/', '/warehouses/wh_anything?asOf=2026-01-01T00:00:00Z', '/stewardship/duplicates']) {
      const page = await get(p);
      assert.equal(page.status, 200, p);
      assert.match(page.type, /text\/html/, p);
      assert.match(page.text, /<div id="root">/, p);
    }
    assert.equal((await get('/assets/no-such-file.js')).status, 404);
    const missingApi = await get('/api/v1/no-such-route');
    assert.equal(missingApi.status, 404);
    assert.equal(JSON.parse(missingApi.text).error.code, 'not_found');
    assert.match((await get('/api/docs')).text, /swagger/i);
    assert.deepEqual(JSON.parse((await get('/api/v1/me', h.keys.steward)).text), { name: 'sue', role: 'steward' });
    assert.equal((await get('/api/v1/me')).status, 401);
    const metrics = await get('/metrics', h.keys.admin);
    assert.equal(metrics.status, 200, metrics.text);
    assert.match(metrics.text, /^# (HELP|TYPE) /m);
  });

  it('signs in with an API key (a wrong key is refused) and offers what the role allows', async () => {
    await page.goto(h.hub.url);
    await page.waitForSelector('input[name=apiKey]');
    await h.screenshot('01-sign-in');
    await signIn('not-a-key');
    await page.locator('.signin-card .notice-error', { hasText: '密钥无效' }).waitFor();
    await signIn(h.keys.admin);
    await page.locator('[data-testid=whoami]', { hasText: '系统管理员' }).waitFor();
    assert.match(await page.locator('[data-testid=whoami]').innerText(), /ops/);
    assert.equal(await page.locator('nav.nav a:has-text("运维操作")').count(), 1);
    assert.equal(new URL(page.url()).pathname, '/warehouses');
  });

  it('triggers a WDT sync, a replay and a Kingdee resync from Operations and sees each finish', async () => {
    await requireEndpoint(h, 'POST', '/sync/wdt', 'operator WDT sync');
    await requireEndpoint(h, 'POST', '/replay', 'replay job');
    await requireEndpoint(h, 'POST', '/resync/kingdee', 'Kingdee resync job');
    await requireEndpoint(h, 'GET', '/jobs/{id}', 'job progress');
    await nav('运维操作');
    const panel = page.locator('[data-testid=op-sync-wdt]');
    await panel.locator('button:has-text("执行")').click();
    await panel.locator('.job-progress[data-status=succeeded]').waitFor({ timeout: 90_000 });
    assert.match(await panel.innerText(), /已完成/);
    // Replay and resync run as jobs (GET /jobs/{id}); each ends with its result shown.
    for (const id of ['op-replay', 'op-resync']) {
      const job = page.locator(`[data-testid=${id}]`);
      await job.locator('button:has-text("执行")').click();
      await job.locator('.job-progress[data-status=succeeded]').waitFor({ timeout: 90_000 });
    }
    await page.locator('[data-testid=status-tiles]').waitFor();
    await h.screenshot('02-operations');
  });

  it('searches warehouses by a name fragment and filters by status', async () => {
    await requireEndpoint(h, 'GET', '/warehouses', 'warehouse search');
    await nav('仓库');
    const rows = page.locator('[data-testid=warehouse-table] tbody tr.clickable');
    await eventually(page, async () => assert.ok((await rows.count()) >= 20, 'the synced warehouses are listed'));
    await h.screenshot('03-warehouses');
    const fragment = subject.name.slice(0, 3);
    await page.fill('input[name=q]', fragment);
    await page.press('input[name=q]', 'Enter');
    await page.waitForURL(/[?&]q=/);
    await settled();
    await page.locator('[data-testid=warehouse-table] tbody tr.clickable', { hasText: subject.warehouse_no }).waitFor();
    for (const text of await rows.allInnerTexts()) assert.ok(text.includes(fragment), `${text} contains ${fragment}`);
    assert.ok((await rows.count()) < 24, 'the search narrows the list');
    await page.click('form[role=search] button:has-text("重置")');
    await page.waitForURL((url) => url.search === '');
    await page.selectOption('select[name=status]', 'disabled');
    await page.waitForURL(/status=disabled/);
    await settled();
    assert.ok((await rows.count()) > 0, 'the seed has disabled warehouses');
    for (const text of await rows.allInnerTexts()) assert.match(text, /停用/);
    assert.equal(await rows.filter({ hasText: subject.warehouse_no }).count(), 0, 'an enabled warehouse is not listed as disabled');
  });

  it('opens a record: fields with lineage, cross-reference, Kingdee status and history', async () => {
    await requireEndpoint(h, 'GET', '/warehouses/{id}', 'warehouse detail');
    await requireEndpoint(h, 'GET', '/warehouses/{id}/history', 'warehouse history');
    await page.goto(`${h.hub.url}/warehouses?q=${encodeURIComponent(subject.warehouse_no)}`);
    await page.click(`a:has-text("${subject.warehouse_no}")`);
    await page.locator('h1', { hasText: subject.name }).waitFor();
    const name = await rowOf('name').innerText();
    assert.match(name, /旺店通/, 'lineage names the source');
    assert.match(name, /来源优先级|主来源|最新观测/, 'lineage names the survivorship rule');
    const xref = await page.locator('[data-testid=xref]').innerText();
    assert.ok(xref.includes(subject.warehouse_no) && xref.includes(subject.warehouse_id), xref);
    await page.locator('[data-testid=history]', { hasText: '旺店通观测' }).waitFor();
    // One WDT observation: record version 1, however many Kingdee results and resyncs the stream holds since.
    assert.match(await page.locator('[data-testid=record-version]').innerText(), /版本\s*1$/);
    await page.locator('tr, div', { hasText: '已同步版本' }).first().waitFor();
    await page.locator('[data-testid=synced-version]').waitFor();
    await h.screenshot('04-warehouse-detail');
    // As of now: the same record, read-only, with a banner.
    const now = new Date(Date.now() + 1000).toISOString();
    await page.goto(`${page.url().split('?')[0]}?asOf=${encodeURIComponent(now)}`);
    await page.locator('.notice-info', { hasText: '正在查看' }).waitFor();
    assert.equal(await page.locator('tr[data-field=name] button').count(), 0, 'no editing in the past');
  });

  it('as a steward: sets an override with a reason, then removes it; a stale version is reported', async () => {
    await requireEndpoint(h, 'PUT', '/warehouses/{id}/overrides/{field}', 'steward overrides');
    const detailUrl = page.url().split('?')[0]!;
    await page.click('button:has-text("退出")');
    await signIn(h.keys.steward);
    await page.locator('[data-testid=whoami]', { hasText: '数据管理员' }).waitFor();
    assert.equal(await page.locator('nav.nav a:has-text("运维操作")').count(), 0, 'stewards get no operations');
    await page.goto(detailUrl);
    await syncedOnPage();
    await rowOf('name').locator('button:has-text("覆盖")').click();
    await page.fill('#override-form input[name=value]', `${subject.name}（人工校正）`);
    await page.fill('#override-form textarea[name=reason]', '门店更名，旺店通尚未更新');
    await h.screenshot('05-override-dialog', { viewport: true });
    await page.click('.modal-footer button:has-text("保存")');
    await rowOf('name').locator('.badge', { hasText: '已覆盖' }).waitFor();
    assert.match(await rowOf('name').innerText(), /人工校正/);
    await page.locator('[data-testid=history]', { hasText: '字段被覆盖' }).waitFor();
    await h.screenshot('06-detail-overridden');
    await syncedOnPage();

    await rowOf('name').locator('button:has-text("移除覆盖")').click();
    await page.fill('#override-form textarea[name=reason]', '旺店通已更新');
    await page.click('.modal-footer button.btn-danger');
    await eventually(page, async () => assert.equal(await rowOf('name').locator('.badge', { hasText: '已覆盖' }).count(), 0), {
      reload: false,
    });
    assert.ok((await rowOf('name').innerText()).includes(subject.name));
    assert.doesNotMatch(await rowOf('name').innerText(), /人工校正/);

    // Someone else changes the record while the dialog is open: 412, reload, tell the user.
    await rowOf('remark').locator('button:has-text("覆盖")').click();
    await page.fill('#override-form input[name=value]', '夜间不收货');
    await page.fill('#override-form textarea[name=reason]', '仓库通知');
    const id = decodeURIComponent(detailUrl.split('/').pop()!);
    // (The other steward retries their own 412s: the Kingdee sink may still be recording the last write.)
    const other = await eventually(
      page,
      async () => {
        const current = await h.api('GET', `/warehouses/${encodeURIComponent(id)}`, { key: h.keys.steward });
        const put = await h.api('PUT', `/warehouses/${encodeURIComponent(id)}/overrides/contact`, {
          key: h.keys.steward,
          body: { value: '李四', reason: '联系人变更' },
          headers: { 'If-Match': current.headers.get('etag')! },
        });
        assert.ok(put.status < 300, JSON.stringify(put.body));
        return put;
      },
      { reload: false },
    );
    assert.equal(other.body.overrides.contact.value, '李四');
    await page.click('.modal-footer button:has-text("保存")');
    await page.locator('.notice-warn', { hasText: '已被他人修改' }).waitFor();
    await rowOf('contact').getByText('李四').waitFor(); // reloaded: the other steward's change is shown
    assert.equal(await page.locator('.modal').count(), 0);
  });

  it('merges a suspected duplicate from the side-by-side comparison', async () => {
    await requireEndpoint(h, 'GET', '/stewardship/tasks', 'stewardship task list');
    await requireEndpoint(h, 'POST', '/stewardship/tasks/{id}/resolve', 'resolving stewardship tasks');
    const twin = h.wdt.admin.addWarehouse({
      ...pick(subject),
      warehouse_no: `${subject.warehouse_no}B`,
      warehouse_id: String(900000 + (Number(subject.warehouse_id) % 1000)),
      name: `${subject.name}库`,
    });
    const started = await h.api('POST', '/sync/wdt');
    assert.equal(started.status, 202, JSON.stringify(started.body));
    await waitForRun(h, started.body.runId);

    await nav('疑似重复');
    const item = page.locator('[data-testid=duplicate-queue] .queue-item', { hasText: twin.warehouse_no });
    await eventually(page, () => item.waitFor({ timeout: 1000 }));
    await item.click();
    const compare = page.locator('[data-testid=compare]');
    await compare.locator('tr.differs', { hasText: '仓库名称' }).waitFor();
    assert.match(
      await compare.innerText(),
      new RegExp(`${subject.warehouse_no}[\\s\\S]*${twin.warehouse_no}|${twin.warehouse_no}[\\s\\S]*${subject.warehouse_no}`),
    );
    await h.screenshot('07-duplicates');
    // Keep the original record: merge the twin into it, whichever side it is shown on.
    const leftIsSubject = new RegExp(`${subject.warehouse_no}\\b`).test(await compare.locator('th.compare-head').first().innerText());
    await page.click(leftIsSubject ? '[data-testid=merge-left]' : '[data-testid=merge-right]');
    await page.fill('.modal textarea[name=reason]', '同一仓库重复建档');
    await page.click('[data-testid=confirm]');
    await page.locator('.notice-success', { hasText: '已合并' }).waitFor();
    const tasks = await h.api('GET', '/stewardship/tasks?type=duplicate&status=resolved');
    assert.ok(
      tasks.body.items.some((t: { resolution: string }) => /merge/.test(t.resolution ?? '')),
      JSON.stringify(tasks.body),
    );
    const retired = await eventually(
      page,
      async () => {
        const found = await h.api('GET', `/warehouses?q=${twin.warehouse_no}&status=retired`);
        assert.equal(found.body.total, 1, 'the twin is retired');
        return found.body.items[0];
      },
      { reload: false },
    );
    const survivor = await h.api('GET', `/warehouses/${encodeURIComponent(retired.mergedInto)}`);
    assert.equal(survivor.body.record.warehouseNo, subject.warehouse_no, 'merged into the original record');
  });

  it('lists a Kingdee sync failure and retries it once Kingdee accepts the record', async () => {
    const failures = page.locator('[data-testid=sync-failures] tbody tr', { hasText: REJECTED });
    await nav('同步失败');
    // One task per rejected version: the resync-all above made Kingdee reject a second version too.
    await eventually(page, () => failures.first().waitFor({ timeout: 1000 }), { tries: 40 }).catch(() => {
      throw new Error(`no sync failure for ${REJECTED} appeared: is the Kingdee sink (KingdeeSinkModule) wired into the hub?`);
    });
    assert.match(await failures.first().innerText(), /未通过校验/);
    await h.screenshot('08-sync-failures');
    h.kingdee.admin.clearFaults();
    await failures.first().locator('button:has-text("重试")').click();
    await page.locator('.notice-success', { hasText: '已重新排队' }).waitFor();
    // The retry closes its task; the Kingdee write that follows closes the other one.
    await eventually(page, async () => assert.equal(await failures.count(), 0), { tries: 40 });
    await page.goto(`${h.hub.url}/warehouses?q=${REJECTED}`);
    await eventually(page, () => page.locator('[data-testid=warehouse-table] .badge', { hasText: '已同步' }).waitFor({ timeout: 1000 }), {
      tries: 40,
    });
  });

  it('shows the status dashboard and switches to English', async () => {
    await requireEndpoint(h, 'GET', '/status', 'status dashboard');
    await nav('运行状态');
    await page.locator('[data-testid=status-tiles]').waitFor();
    await h.screenshot('09-status');
    await page.click('button.lang-switch');
    await page.locator('nav.nav a', { hasText: 'Warehouses' }).waitFor();
    await nav('Warehouses');
    await page.locator('[data-testid=warehouse-table] th', { hasText: 'Kingdee sync' }).waitFor();
    await h.screenshot('10-warehouses-en');
    await page.click('button.lang-switch');
  });
});

function pick(w: SimWarehouse): Partial<SimWarehouse> {
  const { province, city, district, address, contact, telno, mobile, zip, type, warehouse_type, is_defect } = w;
  return { province, city, district, address, contact, telno, mobile, zip, type, warehouse_type, is_defect, is_disabled: 0 };
}

async function waitForRun(h: ConsoleHarness, runId: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const run = await h.api('GET', `/sync/wdt/runs/${runId}`);
    if (run.body?.status === 'succeeded') return;
    if (run.body?.status === 'failed') throw new Error(`WDT sync run failed: ${run.body.error}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('WDT sync run did not finish in 60 s');
}
