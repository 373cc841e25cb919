import type { KingdeeConfig } from '../../config/config';
import { KingdeeError, KingdeeErrorCode } from './kingdee-error';
import { KingdeeClient, type KingdeeClientOptions } from './kingdee-client';
import type { KingdeeCredentials } from './login';

/**
 * A client from `AppConfig.kingdee`. In demo mode (`simulated`) there is no URL or user in the
 * config: pass the in-process simulator's URL and its credentials in `overrides`.
 */
export function createKingdeeClient(
  config: KingdeeConfig,
  overrides: Partial<Omit<KingdeeClientOptions, 'credentials'>> & { readonly credentials?: KingdeeCredentials } = {},
): KingdeeClient {
  const baseUrl = overrides.baseUrl ?? config.baseUrl;
  const credentials = overrides.credentials ?? credentialsFrom(config);
  if (baseUrl === undefined || credentials === undefined) {
    throw new KingdeeError(
      KingdeeErrorCode.loginFailed,
      'Kingdee is not configured: set KINGDEE_BASE_URL and its credentials, or pass the simulator’s URL and credentials',
    );
  }
  return new KingdeeClient({ timeoutMs: config.timeoutMs, ...overrides, baseUrl, credentials });
}

function credentialsFrom(config: KingdeeConfig): KingdeeCredentials | undefined {
  if (config.acctId === undefined || config.username === undefined) return undefined;
  return {
    acctId: config.acctId,
    username: config.username,
    lcid: config.lcid,
    ...(config.password !== undefined ? { password: config.password } : { appId: config.appId, appSecret: config.appSecret }),
  };
}
