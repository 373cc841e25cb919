import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { loadConfig, projectRoot } from '../../../src/config/config';
import { RunningHub, startHub } from '../../../src/hub';
import { KingdeeSimulator, startKingdeeSimulator } from '../../../src/simulators/kingdee';
import { startWdtSimulator, WdtSimulator } from '../../../src/simulators/wdt';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(projectRoot(), 'test', 'e2e', 'screenshots');

export interface ConsoleHarness {
  readonly hub: RunningHub;
  readonly wdt: WdtSimulator;
  readonly kingdee: KingdeeSimulator;
  readonly browser: Browser;
  readonly page: Page;
  readonly keys: { readonly admin: string; readonly steward: string };
  /** A call to the hub's API with a key (admin by default), for set-up and for checking what the UI did. */
  api(
    method: string,
    apiPath: string,
    options?: { body?: unknown; key?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** Full page by default; `viewport` for dialogs (the backdrop covers only the viewport). */
  screenshot(name: string, options?: { viewport?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real hub on embedded defaults (PGlite in a temp MDM_DATA_DIR, the embedded log instead of Kafka)
 * between WDT and Kingdee simulators the test controls, and Debian's Chromium driven by playwright-core.
 */
export async function startConsoleHarness(): Promise<ConsoleHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mdm-console-e2e-'));
  const keys = { admin: `adm_${Date.now().toString(36)}_e2e`, steward: `stw_${Date.now().toString(36)}_e2e` };
  const wdt = await startWdtSimulator({ warehouses: 24, seed: 7 });
  const kingdee = await startKingdeeSimulator();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MDM_DATA_DIR: dataDir,
    MDM_API_KEYS: `ops:admin:${keys.admin},sue:steward:${keys.steward}`,
    WDT_BASE_URL: wdt.openapiBaseUrl,
    WDT_SID: wdt.credentials.sid,
    WDT_APPKEY: wdt.credentials.appkey,
    WDT_APPSECRET: wdt.credentials.appsecret,
    WDT_POLL_INTERVAL: '0',
    KINGDEE_BASE_URL: kingdee.url,
    KINGDEE_ACCT_ID: kingdee.user.acctId,
    KINGDEE_USERNAME: kingdee.user.username,
    KINGDEE_PASSWORD: kingdee.user.password,
    WDT_CALLS_PER_MINUTE: '100000',
    // The status charts get a sample a second instead of every 15 s.
    MDM_METRICS_SAMPLE_INTERVAL: '1s',
    LOG_LEVEL: 'warn',
  });
  const hub = await startHub(config);
  // A browser that cannot start must not leave the hub and simulators running: the test file would hang.
  const browser = await launchChromium().catch(async (error: unknown) => {
    await Promise.allSettled([hub.stop(), wdt.stop(), kingdee.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('dialog', (dialog) => void dialog.accept());
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    hub,
    wdt,
    kingdee,
    browser,
    page,
    keys,
    async api(method, apiPath, options = {}) {
      const response = await fetch(`${hub.url}/api/v1${apiPath}`, {
        method,
        headers: {
          Authorization: `Bearer ${options.key ?? keys.admin}`,
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    async screenshot(name, options = {}) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: !options.viewport });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await hub.stop().catch(() => undefined);
      await wdt.stop().catch(() => undefined);
      await kingdee.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fails with a message naming the missing backend piece, rather than skipping (issue #7). Reads the
 * hub's OpenAPI document, so probing a POST route never starts anything.
 */
export async function requireEndpoint(harness: ConsoleHarness, method: string, apiPath: string, what: string): Promise<void> {
  const response = await fetch(`${harness.hub.url}/api/docs-json`);
  const doc = (await response.json()) as { paths?: Record<string, Record<string, unknown>> };
  const template = `/api/v1${apiPath}`;
  const found = Object.entries(doc.paths ?? {}).some(([p, ops]) => p === template && method.toLowerCase() in ops);
  if (!found) throw new Error(`backend missing: ${method} ${template} (${what}) is not served by the hub yet`);
}

/** Retries `check` (reloading the page between tries) until it passes: read models are eventually consistent. */
export async function eventually<T>(page: Page, check: () => Promise<T>, { tries = 20, reload = true } = {}): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      return await check();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (reload) await page.reload();
    }
  }
  throw last;
}

function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
