import { WdtConfig } from '../../config/config';
import { CallBudget } from './call-budget';
import { openapiProtocol } from './openapi-protocol';
import { qimenProtocol } from './qimen-protocol';
import { realSleep } from './retry';
import { WdtClient, WdtClientOptions } from './wdt-client';
import { WdtProtocol } from './wdt-protocol';

/** The protocol WDT_MODE selects, from settings that config.ts has already checked are complete. */
export function protocolFor(config: WdtConfig): WdtProtocol {
  if (config.mode === 'qimen') {
    return qimenProtocol({
      url: required(config.qimenUrl, 'WDT_QIMEN_URL'),
      appKey: required(config.qimenAppKey, 'WDT_QIMEN_APP_KEY'),
      secret: required(config.qimenSecret, 'WDT_QIMEN_SECRET'),
      targetAppKey: config.qimenTargetAppKey,
      sid: required(config.sid, 'WDT_SID'),
    });
  }
  return openapiProtocol({
    baseUrl: required(config.baseUrl, 'WDT_BASE_URL'),
    sid: required(config.sid, 'WDT_SID'),
    appkey: required(config.appkey, 'WDT_APPKEY'),
    appsecret: required(config.appsecret, 'WDT_APPSECRET'),
  });
}

export function createWdtClient(config: WdtConfig, options: WdtClientOptions = {}): WdtClient {
  const sleep = options.sleep ?? realSleep;
  return new WdtClient(protocolFor(config), {
    pageSize: config.pageSize,
    budget: new CallBudget(config.callsPerMinute, Date.now, sleep),
    ...options,
  });
}

function required(value: string | undefined, variable: string): string {
  if (value === undefined) throw new Error(`configuration error: ${variable} is required for WDT_MODE`);
  return value;
}
