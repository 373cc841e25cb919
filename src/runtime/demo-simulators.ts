import path from 'node:path';
import { AppConfig, WdtConfig } from '../config/config';
import { Logger } from '../platform/logging/logging.module';
import { DEFAULT_KINGDEE_SIMULATOR_USER, startKingdeeSimulator } from '../simulators/kingdee';
import { startWdtSimulator, WdtSimulator } from '../simulators/wdt';

export interface DemoRuntime {
  /** The config with the simulators' URLs and made-up credentials filled in. */
  readonly config: AppConfig;
  readonly simulators: { readonly wdt?: { url: string }; readonly kingdee?: { url: string } };
  stop(): Promise<void>;
}

export interface DemoOptions {
  /** false: leave an unconfigured Kingdee unconfigured (one-shot CLI commands write nothing to it). Default true. */
  readonly kingdee?: boolean;
}

/**
 * Demo mode: when no WDT or Kingdee credentials are configured, the built-in simulators start
 * in-process (ephemeral ports) with a seeded, realistic data set, and the hub is pointed at them.
 * This is the only place they start (for `mdm start` and for in-process CLI commands):
 * WdtIngestionModule and KingdeeSinkModule find the settings filled in here and use them as they are.
 */
export async function startDemoSimulators(config: AppConfig, logger: Logger, options: DemoOptions = {}): Promise<DemoRuntime> {
  const stops: (() => Promise<void>)[] = [];
  let effective = config;
  const simulators: { wdt?: { url: string }; kingdee?: { url: string } } = {};
  let twin: ReturnType<typeof seedSuspectedDuplicate> = null;
  try {
    if (config.wdt.simulated) {
      const wdt = await startWdtSimulator({ port: 0, warehouses: 30, seed: 1 });
      stops.push(() => wdt.stop());
      twin = seedSuspectedDuplicate(wdt);
      simulators.wdt = { url: wdt.url };
      // Both protocols' settings are filled, so WDT_MODE=qimen works in demo mode too.
      effective = { ...effective, wdt: pointedAt(effective.wdt, wdt) };
      logger.warn(
        { url: wdt.url, mode: effective.wdt.mode },
        'DEMO MODE: no WDT credentials configured, using the built-in WDT simulator (30 seeded warehouses)',
      );
      if (twin) logger.warn({ warehouseNo: twin.warehouse_no, of: twin.of }, 'DEMO MODE: one WDT warehouse is a near-copy of another');
    }
    if (config.kingdee.simulated && options.kingdee !== false) {
      const dataFile = path.join(config.database.dataDir, 'kingdee-simulator.json');
      const kingdee = await startKingdeeSimulator({ port: 0, dataFile });
      const rejected = twin?.rejected;
      if (rejected) kingdee.admin.rejectNumber(rejected, `仓库编码[${rejected}]未通过校验：演示环境模拟的金蝶校验失败`);
      stops.push(() => kingdee.stop());
      simulators.kingdee = { url: kingdee.url };
      const { acctId, username, password } = DEFAULT_KINGDEE_SIMULATOR_USER;
      effective = {
        ...effective,
        kingdee: { ...effective.kingdee, baseUrl: kingdee.url, acctId, username, password, appId: undefined, appSecret: undefined },
      };
      logger.warn(
        { url: kingdee.url, admin: `${kingdee.origin}/__admin/stocks`, dataFile },
        'DEMO MODE: no KINGDEE_BASE_URL configured, writing to the built-in Kingdee simulator (BD_STOCK kept in its data file)',
      );
      if (rejected)
        logger.warn(
          { warehouseNo: rejected, clear: `POST ${kingdee.origin}/__admin/faults/clear` },
          'DEMO MODE: the Kingdee simulator rejects one warehouse until its faults are cleared',
        );
    }
  } catch (error) {
    await Promise.all(stops.map((stop) => stop()));
    throw error;
  }
  return {
    config: effective,
    simulators,
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}

/** The WDT settings of a simulator: both protocols' (企业版 and 企业奇门), so either WDT_MODE works. */
export function pointedAt(config: WdtConfig, simulator: WdtSimulator): WdtConfig {
  const c = simulator.credentials;
  return {
    ...config,
    baseUrl: simulator.openapiBaseUrl,
    sid: c.sid,
    appkey: c.appkey,
    appsecret: c.appsecret,
    qimenUrl: simulator.qimenUrl,
    qimenAppKey: c.qimenAppKey,
    qimenSecret: c.qimenSecret,
    qimenTargetAppKey: c.qimenTargetAppKey,
  };
}

/**
 * So every page of the console has something to show, the demo starts with two stewardship cases:
 * a WDT warehouse that is a near-copy of another (same address, name plus 库: a suspected duplicate)
 * and a warehouse Kingdee rejects (a sync failure, retried once the simulator's faults are cleared).
 */
function seedSuspectedDuplicate(wdt: WdtSimulator): { warehouse_no: string; of: string; rejected: string | null } | null {
  const enabled = wdt.admin.listWarehouses().filter((w) => w.is_disabled === 0);
  const original = enabled.find((w) => w.address && !/\d/.test(w.name));
  if (!original) return null;
  const { province, city, district, address, contact, telno, mobile, zip, type, warehouse_type, is_defect } = original;
  const twin = wdt.admin.addWarehouse({
    ...{ province, city, district, address, contact, telno, mobile, zip, type, warehouse_type, is_defect, is_disabled: 0 },
    warehouse_no: `${original.warehouse_no}-B`,
    warehouse_id: String(900000 + (Number(original.warehouse_id) % 1000)),
    name: `${original.name}库`,
  });
  const rejected = enabled.find((w) => w !== original)?.warehouse_no ?? null;
  return { warehouse_no: twin.warehouse_no, of: original.warehouse_no, rejected };
}
