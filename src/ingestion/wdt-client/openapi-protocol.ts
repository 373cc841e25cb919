import { isPlainObject } from './lenient';
import { signOpenapi } from '../../shared/wdt-signing/openapi-signature';
import { Envelope, WdtProtocol, asCode, asText, listOf } from './wdt-protocol';

export interface OpenapiCredentials {
  /** Up to and including `/openapi2`, e.g. `https://api.wangdian.cn/openapi2`. */
  readonly baseUrl: string;
  readonly sid: string;
  readonly appkey: string;
  readonly appsecret: string;
}

/**
 * 企业版 (docs/wdt-api.md): `POST {base}/warehouse_query.php`, form-encoded, signed with the
 * length-prefixed md5 over every param sent, reply `{code, message, total_count, warehouses}`.
 */
export function openapiProtocol(credentials: OpenapiCredentials): WdtProtocol {
  const { sid, appkey, appsecret } = credentials;
  return {
    variant: 'openapi',
    secrets: [appsecret],
    credentialHint: 'WDT_SID, WDT_APPKEY and WDT_APPSECRET',
    url: `${credentials.baseUrl.replace(/\/+$/, '')}/warehouse_query.php`,
    signedForm(business, now) {
      const params = { ...business, sid, appkey, timestamp: String(Math.floor(now.getTime() / 1000)) };
      return new URLSearchParams({ ...params, sign: signOpenapi(params, appsecret) });
    },
    readEnvelope(body): Envelope {
      if (!isPlainObject(body)) return { kind: 'malformed', problem: 'the reply is not a JSON object' };
      const code = asCode(body.code);
      // A list without a code is read as success (lenient); without either it is not a WDT reply.
      if (code === undefined && Array.isArray(body.warehouses)) return listOf(body, body.total_count);
      if (code === undefined) return { kind: 'malformed', problem: 'the reply has no "code"' };
      if (code !== '0') return { kind: 'failure', failure: { code, message: asText(body.message) } };
      return listOf(body, body.total_count);
    },
  };
}
