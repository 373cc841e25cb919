import { AppConfig } from '../config/config';
import { pointedAt } from '../ingestion/wdt-connection';
import { Logger } from '../platform/logging/logging.module';
import { DEFAULT_KINGDEE_SIMULATOR_USER, startKingdeeSimulator } from '../simulators/kingdee';
import { startWdtSimulator } from '../simulators/wdt';

export interface DemoRuntime {
  /** The config with the simulators' URLs and made-up credentials filled in. */
  readonly config: AppConfig;
  readonly simulators: { readonly wdt?: { url: string }; readonly kingdee?: { url: string } };
  stop(): Promise<void>;
}

/**
 * Demo mode: when no WDT or Kingdee credentials are configured, the built-in simulators start
 * in-process (ephemeral ports) with a seeded, realistic data set, and the hub is pointed at them.
 * This is the only place they start: WdtIngestionModule and KingdeeSinkModule find the settings
 * filled in here and use them as they are.
 */
export async function startDemoSimulators(config: AppConfig, logger: Logger): Promise<DemoRuntime> {
  const stops: (() => Promise<void>)[] = [];
  let effective = config;
  const simulators: { wdt?: { url: string }; kingdee?: { url: string } } = {};
  try {
    if (config.wdt.simulated) {
      const wdt = await startWdtSimulator({ port: 0, warehouses: 30, seed: 1 });
      stops.push(() => wdt.stop());
      simulators.wdt = { url: wdt.url };
      // Both protocols' settings are filled, so WDT_MODE=qimen works in demo mode too.
      effective = { ...effective, wdt: pointedAt(effective.wdt, wdt) };
      logger.warn(
        { url: wdt.url, mode: effective.wdt.mode },
        'DEMO MODE: no WDT credentials configured, using the built-in WDT simulator (30 seeded warehouses)',
      );
    }
    if (config.kingdee.simulated) {
      const kingdee = await startKingdeeSimulator({ port: 0 });
      stops.push(() => kingdee.stop());
      simulators.kingdee = { url: kingdee.url };
      const { acctId, username, password } = DEFAULT_KINGDEE_SIMULATOR_USER;
      effective = {
        ...effective,
        kingdee: { ...effective.kingdee, baseUrl: kingdee.url, acctId, username, password, appId: undefined, appSecret: undefined },
      };
      logger.warn(
        { url: kingdee.url, admin: `${kingdee.origin}/__admin/stocks` },
        'DEMO MODE: no KINGDEE_BASE_URL configured, writing to the built-in Kingdee simulator (BD_STOCK starts empty)',
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
