import { signOpenapi } from '../../shared/wdt-signing/openapi-signature';
import { SimError, SimErrorReplies, wdtError } from './sim-errors';

export interface OpenapiAuthSettings {
  readonly sid: string;
  readonly appkey: string;
  readonly appsecret: string;
  /** Also accept signatures made with UTF-8 byte lengths (some third-party clients, docs/wdt-api.md). */
  readonly acceptByteLengths: boolean;
  readonly errors: SimErrorReplies;
}

const MAX_SKEW_S = 300;

/** 企业版 checks (docs/wdt-api.md): required params, account, ±5 min timestamp, sign over every received field but `sign`. */
export function verifyOpenapi(params: Readonly<Record<string, string>>, auth: OpenapiAuthSettings, now: Date): SimError | undefined {
  for (const name of ['sid', 'appkey', 'timestamp', 'sign']) {
    if (!params[name]) return wdtError(auth.errors.invalidParam, `缺少参数: ${name}`);
  }
  if (params.sid !== auth.sid || params.appkey !== auth.appkey) return wdtError(auth.errors.credentials);
  const timestamp = Number(params.timestamp);
  if (!/^\d+$/.test(params.timestamp!) || Math.abs(now.getTime() / 1000 - timestamp) > MAX_SKEW_S) {
    return wdtError(auth.errors.timestamp);
  }
  const given = params.sign!.toLowerCase();
  const byChars = signOpenapi(params, auth.appsecret, 'characters');
  const byBytes = auth.acceptByteLengths ? signOpenapi(params, auth.appsecret, 'bytes') : undefined;
  return given === byChars || given === byBytes ? undefined : wdtError(auth.errors.signature);
}
