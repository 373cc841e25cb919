import { AppConfig } from '../config/config';
import { Logger } from '../platform/logging/logging.module';
import { startWdtSimulator } from '../simulators/wdt';

export interface DemoRuntime {
  /** The config with the simulators' URLs and made-up credentials filled in. */
  readonly config: AppConfig;
  readonly simulators: { readonly wdt?: { url: string }; readonly kingdee?: { url: string } };
  stop(): Promise<void>;
}

/**
 * Demo mode: when no WDT or Kingdee credentials are configured, the built-in simulators start
 * in-process with a seeded, realistic data set, and the hub is pointed at them.
 */
export async function startDemoSimulators(config: AppConfig, logger: Logger): Promise<DemoRuntime> {
  const stops: (() => Promise<void>)[] = [];
  let effective = config;
  const simulators: { wdt?: { url: string }; kingdee?: { url: string } } = {};
  if (config.wdt.simulated) {
    const wdt = await startWdtSimulator({ warehouses: 30, seed: 1 });
    stops.push(() => wdt.stop());
    simulators.wdt = { url: wdt.url };
    const c = wdt.credentials;
    effective = { ...effective, wdt: { ...effective.wdt, mode: 'openapi', baseUrl: wdt.openapiBaseUrl, sid: c.sid, appkey: c.appkey, appsecret: c.appsecret } };
    logger.warn({ url: wdt.url }, 'DEMO MODE: no WDT credentials configured, using the built-in WDT simulator (30 seeded warehouses)');
  }
  return {
    config: effective,
    simulators,
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
