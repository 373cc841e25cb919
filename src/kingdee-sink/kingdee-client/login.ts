import { KingdeeError, KingdeeErrorCode } from './kingdee-error';
import { int, isObject, prop, text } from './lenient';
import { findResponseStatus, statusMessage } from './response-status';

/** Password login (ValidateUser) when `password` is set, else app login (LoginByAppSecret). */
export interface KingdeeCredentials {
  readonly acctId: string;
  readonly username: string;
  readonly lcid: number;
  readonly password?: string;
  readonly appId?: string;
  readonly appSecret?: string;
}

const AUTH = 'Kingdee.BOS.WebApi.ServicesStub.AuthService';
export const SERVICE = {
  validateUser: `${AUTH}.ValidateUser`,
  loginByAppSecret: `${AUTH}.LoginByAppSecret`,
  logout: `${AUTH}.Logout`,
} as const;

/** A logged-in session: the id for the `kdservice-sessionid` header plus every cookie the server set. */
export interface SessionTicket {
  readonly sessionId: string;
  readonly cookies: ReadonlyMap<string, string>;
}

/** Named-parameter login bodies (docs/kingdee-api.md shape 1). */
export function loginRequest(c: KingdeeCredentials): { service: string; body: Record<string, unknown> } {
  if (c.password !== undefined) {
    return { service: SERVICE.validateUser, body: { acctID: c.acctId, username: c.username, password: c.password, lcid: c.lcid } };
  }
  if (c.appId !== undefined && c.appSecret !== undefined) {
    return {
      service: SERVICE.loginByAppSecret,
      body: { acctId: c.acctId, username: c.username, appId: c.appId, appSecret: c.appSecret, lcid: c.lcid },
    };
  }
  throw new KingdeeError(KingdeeErrorCode.loginFailed, 'Kingdee credentials need a password or an app id and app secret');
}

/** 1 = Success; the manual says -5 (DealWithForm, e.g. an administrator login) can be treated as success. */
const SUCCESS_TYPES: ReadonlySet<number> = new Set([1, -5]);

/** The session from a login answer, or a permanent login error naming the server's reason (never the password). */
export function readLoginReply(json: unknown, setCookies: readonly string[], service: string): SessionTicket {
  const cookies = parseSetCookies(setCookies);
  if (!isObject(json)) throw loginError(service, 'the answer is not a JSON object');
  const status = findResponseStatus(json);
  const type = int(prop(json, 'LoginResultType'));
  if (type === undefined || !SUCCESS_TYPES.has(type)) {
    const reason = text(prop(json, 'Message')) || (status ? statusMessage(status) : undefined) || 'no reason given';
    throw loginError(service, `LoginResultType ${type ?? '(missing)'}: ${reason}`);
  }
  const sessionId =
    text(prop(json, 'KDSVCSessionId')) || cookies.get('kdservice-sessionid') || text(prop(prop(json, 'Context'), 'SessionId'));
  if (!sessionId) throw loginError(service, 'the server reported success but returned no session id');
  return { sessionId, cookies };
}

function loginError(service: string, reason: string): KingdeeError {
  const name = service.slice(service.lastIndexOf('.') + 1);
  return new KingdeeError(KingdeeErrorCode.loginFailed, `Kingdee login (${name}) failed: ${reason}`, { service });
}

/** name → value of each `Set-Cookie`; attributes (Path, HttpOnly, expires=…) are dropped. */
export function parseSetCookies(setCookies: readonly string[]): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of setCookies) {
    const [pair] = header.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return cookies;
}

/** Headers that carry the session every way real clients do: cookies plus the `kdservice-sessionid` header. */
export function sessionHeaders(ticket: SessionTicket): Record<string, string> {
  const cookies = new Map(ticket.cookies);
  if (!cookies.has('kdservice-sessionid')) cookies.set('kdservice-sessionid', ticket.sessionId);
  return {
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'kdservice-sessionid': ticket.sessionId,
  };
}
