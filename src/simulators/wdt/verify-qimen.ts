import { QIMEN_SIGN_METHODS, QimenSignMethod, signQimen } from '../../shared/wdt-signing/qimen-signature';
import { SimError, SimErrorReplies, gatewayError, wdtError } from './sim-errors';
import { parseBeijingTime } from './sim-warehouse';

export interface QimenAuthSettings {
  readonly appKey: string;
  readonly secret: string;
  readonly targetAppKey: string;
  readonly sid: string;
  readonly errors: SimErrorReplies;
}

export const QIMEN_METHODS = ['wdt.warehouse.query', 'hu3cgwt0tc.wdt.warehouse.query'];
const MAX_SKEW_MS = 10 * 60_000;

/**
 * Qimen checks (docs/wdt-api.md): the gateway's (method, app key, sign, ±10 min GMT+8 timestamp), then
 * WDT's (target app authorised, seller `sid`). Gateway failures use its envelope, WDT's use errorcode.
 */
export function verifyQimen(params: Readonly<Record<string, string>>, auth: QimenAuthSettings, now: Date): SimError | undefined {
  for (const name of ['method', 'app_key', 'timestamp', 'sign']) {
    if (!params[name]) return gatewayError.missing(name);
  }
  if (!QIMEN_METHODS.includes(params.method!)) return gatewayError.method(params.method!);
  if (params.app_key !== auth.appKey) return gatewayError.appKey();
  const at = parseBeijingTime(params.timestamp!);
  if (!at || Math.abs(now.getTime() - at.getTime()) > MAX_SKEW_MS) return gatewayError.timestamp();
  const method = (params.sign_method ?? 'md5') as QimenSignMethod;
  if (!QIMEN_SIGN_METHODS.includes(method)) return gatewayError.signMethod();
  if (params.sign!.toUpperCase() !== signQimen(params, auth.secret, method)) return gatewayError.signature();
  if (params.target_app_key !== auth.targetAppKey) return gatewayError.targetAppKey();
  if (!params.sid) return wdtError(auth.errors.invalidParam, '缺少参数: sid');
  if (params.sid !== auth.sid) return wdtError(auth.errors.credentials);
  return undefined;
}
