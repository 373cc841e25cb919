import { WdtConfig } from '../config/config';
import { WdtSimulator, startWdtSimulator } from '../simulators/wdt';

/** The WDT settings to use, and the in-process simulator behind them in demo mode. */
export interface WdtConnection {
  readonly config: WdtConfig;
  readonly simulator: WdtSimulator | undefined;
}

/**
 * No WDT credentials configured (`config.simulated`) → demo mode: the built-in simulator starts on an
 * ephemeral port with its seeded warehouses and the client is pointed at it, in either WDT_MODE.
 * If the bootstrap already started one and filled in its settings, those are used as they are.
 */
export async function openWdtConnection(config: WdtConfig): Promise<WdtConnection> {
  if (!config.simulated || isComplete(config)) return { config, simulator: undefined };
  const simulator = await startWdtSimulator({ port: 0 });
  return { config: pointedAt(config, simulator), simulator };
}

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

function isComplete(c: WdtConfig): boolean {
  const needed = c.mode === 'qimen' ? [c.qimenUrl, c.qimenAppKey, c.qimenSecret, c.sid] : [c.baseUrl, c.sid, c.appkey, c.appsecret];
  return needed.every((value) => value !== undefined && value !== '');
}
