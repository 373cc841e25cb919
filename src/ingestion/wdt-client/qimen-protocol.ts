import { isPlainObject } from './lenient';
import { signQimen } from '../../shared/wdt-signing/qimen-signature';
import { Envelope, WdtProtocol, asCode, asText, listOf } from './wdt-protocol';

export interface QimenCredentials {
  /** The gateway, e.g. `http://hu3cgwt0tc.api.taobao.com/router/qm`. */
  readonly url: string;
  /** Our own Qimen app key and secret (not WDT's). */
  readonly appKey: string;
  readonly secret: string;
  /** WDT's Qimen app: `21363512` for every seller. */
  readonly targetAppKey: string;
  /** The WDT seller account: routes the call to the seller (docs/wdt-api.md). */
  readonly sid: string;
}

export const QIMEN_METHOD = 'wdt.warehouse.query';

/**
 * 企业奇门 (docs/wdt-api.md): TOP system params plus `sid` and the business params, all in one signed
 * form POST (the gateway merges query and form); reply `{"response":{"errorcode":0,…}}`.
 */
export function qimenProtocol(credentials: QimenCredentials): WdtProtocol {
  return {
    variant: 'qimen',
    secrets: [credentials.secret],
    credentialHint: 'WDT_QIMEN_APP_KEY, WDT_QIMEN_SECRET, WDT_QIMEN_TARGET_APP_KEY and WDT_SID',
    url: credentials.url,
    signedForm(business, now) {
      const params = {
        ...business,
        method: QIMEN_METHOD,
        app_key: credentials.appKey,
        target_app_key: credentials.targetAppKey,
        sid: credentials.sid,
        timestamp: gmt8(now),
        format: 'json',
        v: '2.0',
        sign_method: 'md5',
      };
      return new URLSearchParams({ ...params, sign: signQimen(params, credentials.secret) });
    },
    readEnvelope: readQimenEnvelope,
  };
}

export function readQimenEnvelope(body: unknown): Envelope {
  if (!isPlainObject(body)) return { kind: 'malformed', problem: 'the reply is not a JSON object' };
  // Plain TOP rejects with `error_response`; the Qimen gateway with `response.flag = "failure"`.
  const payload = body.response ?? body.error_response;
  if (!isPlainObject(payload)) return { kind: 'malformed', problem: 'the reply has no "response" object' };
  const errorcode = asCode(payload.errorcode);
  if (errorcode === undefined && payload.flag !== 'failure' && payload.code === undefined && Array.isArray(payload.warehouses)) {
    return listOf(payload, payload.total_count);
  }
  if (payload.flag === 'failure' || errorcode === undefined) {
    const code = asCode(payload.code) ?? asCode(payload.sub_code);
    if (code === undefined) return { kind: 'malformed', problem: 'the reply has no "errorcode"' };
    return { kind: 'failure', failure: gatewayFailure(payload, code) };
  }
  if (errorcode !== '0') return { kind: 'failure', failure: { code: errorcode, message: asText(payload.message) } };
  return listOf(payload, payload.total_count);
}

function gatewayFailure(payload: Record<string, unknown>, code: string) {
  return {
    code,
    message: asText(payload.message ?? payload.msg),
    subCode: asCode(payload.sub_code) || undefined,
    subMessage: asText(payload.sub_message ?? payload.sub_msg) || undefined,
  };
}

/** TOP wants `yyyy-MM-dd HH:mm:ss` in Beijing time (GMT+8, no daylight saving). */
export function gmt8(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
