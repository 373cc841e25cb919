import { createHash } from 'node:crypto';
import { param, type RequestParams } from './request-params';
import type { SimSession } from './sessions';
import type { SimContext, SimUser } from './sim-context';

export type LoginKind = 'ValidateUser' | 'LoginByAppSecret' | 'LoginBySign';

export interface AuthReply {
  readonly reply: unknown;
  readonly cookies: readonly string[];
  readonly ok: boolean;
}

/** ValidateUser / LoginByAppSecret / LoginBySign (docs/kingdee-api.md): JSON plus both session cookies. */
export function handleLogin(ctx: SimContext, params: RequestParams, kind: LoginKind): AuthReply {
  const acctId = String(param(params, 'acctid', 0) ?? '');
  const username = String(param(params, 'username', 1) ?? '');
  const lcid = Number(param(params, 'lcid', kind === 'ValidateUser' ? 3 : kind === 'LoginByAppSecret' ? 4 : 5) ?? 2052);
  const user = ctx.users.find((u) => u.acctId === acctId && u.username.toLowerCase() === username.toLowerCase());
  if (!ctx.users.some((u) => u.acctId === acctId)) return loginFailed(-1, `数据中心[${acctId}]不存在`);
  if (!user || !credentialsMatch(user, params, kind)) {
    return kind === 'ValidateUser'
      ? loginFailed(0, '用户名或密码错误！')
      : loginFailed(-1, '第三方系统登录授权验证失败，请检查应用ID、应用密钥或签名');
  }
  const session = ctx.sessions.open(acctId, user.username);
  const cookies = [`kdservice-sessionid=${session.id}; path=/`, `ASP.NET_SessionId=${session.aspNetId}; path=/; HttpOnly; SameSite=Lax`];
  return { reply: successReply(acctId, user.username, session, lcid), ok: true, cookies };
}

function successReply(acctId: string, username: string, session: SimSession, lcid: number): unknown {
  return {
    Message: null,
    MessageCode: 'CheckPasswordPolicy',
    LoginResultType: 1,
    Context: {
      UserLocale: lcid === 1033 ? 'en-US' : 'zh-CN',
      LogLocale: 'zh-CN',
      DBid: acctId,
      DatabaseType: 3,
      SessionId: session.id,
      UseLanguages: [{ LocaleId: 2052, LocaleName: '中文(简体)', Alias: 'CN' }],
      UserId: 100008,
      UserName: username,
      CustomName: 'mdm-hub Kingdee simulator',
      DisplayVersion: '8.2.0.20240101',
      DataCenterName: 'MDM 模拟账套',
      UserToken: session.aspNetId,
      CurrentOrganizationInfo: { ID: 1, AcctOrgType: '1', Name: '模拟集团', FunctionIds: [101, 102, 103, 104] },
      IsCH_ZH_AutoTrans: false,
      ClientType: 32,
      WeiboAuthInfo: null,
      UTimeZone: {
        OffsetTicks: 288000000000,
        StandardName: '(UTC+08:00)北京，重庆，香港特别行政区，乌鲁木齐',
        Id: 230,
        Number: '1078_SYS',
        CanBeUsed: true,
      },
      STimeZone: null,
      GDCID: null,
      Gsid: null,
      TRLevel: 0,
      ProductEdition: 0,
      DataCenterNumber: acctId,
    },
    KDSVCSessionId: session.id,
    FormId: null,
    RedirectFormParam: null,
    FormInputObject: null,
    ErrorStackTrace: null,
    Lcid: 0,
    AccessToken: null,
    CustomParam: {},
    KdAccessResult: null,
    IsSuccessByAPI: true,
  };
}

function credentialsMatch(user: SimUser, params: RequestParams, kind: LoginKind): boolean {
  if (kind === 'ValidateUser') return user.password !== undefined && param(params, 'password', 2) === user.password;
  if (user.appId === undefined || user.appSecret === undefined || param(params, 'appid', 2) !== user.appId) return false;
  if (kind === 'LoginByAppSecret') return param(params, 'appsecret', 3) === user.appSecret;
  const timestamp = String(param(params, 'timestamp', 3) ?? '');
  const sign = String(param(params, 'sign', 4) ?? '').toLowerCase();
  return (
    sign === loginSign(user.acctId, user.username, user.appId, user.appSecret, timestamp, 'sha256') ||
    sign === loginSign(user.acctId, user.username, user.appId, user.appSecret, timestamp, 'sha1')
  );
}

/** LoginBySign: the five strings sorted ordinally, concatenated, hashed (SHA-256; SHA-1 on builds before 2022). */
export function loginSign(
  acctId: string,
  username: string,
  appId: string,
  appSecret: string,
  timestamp: string,
  algorithm: 'sha256' | 'sha1',
): string {
  const joined = [acctId, username, appId, appSecret, timestamp].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('');
  return createHash(algorithm).update(joined, 'utf8').digest('hex');
}

function loginFailed(type: number, message: string): AuthReply {
  const reply = {
    Message: message,
    MessageCode: null,
    LoginResultType: type,
    Context: null,
    KDSVCSessionId: null,
    FormId: null,
    RedirectFormParam: null,
    FormInputObject: null,
    ErrorStackTrace: null,
    Lcid: 0,
    AccessToken: null,
    CustomParam: {},
    KdAccessResult: null,
    IsSuccessByAPI: false,
  };
  return { reply, cookies: [], ok: false };
}

/** GetDataCenterList needs no session (docs/kingdee-api.md). */
export function dataCenters(ctx: SimContext): unknown {
  const ids = [...new Set(ctx.users.map((u) => u.acctId))];
  return ids.map((id) => ({
    Id: id,
    Number: id,
    Name: 'MDM 模拟账套',
    DatabaseType: 3,
    CreateTime: '2024-01-01T00:00:00',
    IsOpenApi: true,
  }));
}
