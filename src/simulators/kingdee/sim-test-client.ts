/** Raw HTTP helpers for simulator tests: exactly what goes over the wire, no client library in between. */
export const AUTH = 'Kingdee.BOS.WebApi.ServicesStub.AuthService';
export const FORM = 'Kingdee.BOS.WebApi.ServicesStub.DynamicFormService';

export interface RawReply {
  readonly status: number;
  readonly text: string;
  readonly json: any;
  readonly cookies: string[];
}

export async function rawPost(baseUrl: string, service: string, body: unknown, headers: Record<string, string> = {}): Promise<RawReply> {
  const response = await fetch(`${baseUrl}${service}.common.kdsvc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, cookies: response.headers.getSetCookie() };
}

/** Logs in with ValidateUser and returns the headers that carry the session as a cookie. */
export async function loginCookie(
  baseUrl: string,
  user: { acctId: string; username: string; password: string },
): Promise<Record<string, string>> {
  const reply = await rawPost(baseUrl, `${AUTH}.ValidateUser`, {
    acctID: user.acctId,
    username: user.username,
    password: user.password,
    lcid: 2052,
  });
  return { cookie: reply.cookies.map((c) => c.split(';')[0]).join('; ') };
}

export const stock = (number: string, extra: Record<string, unknown> = {}) => ({
  FStockId: 0,
  FNumber: number,
  FName: `仓库 ${number}`,
  FCreateOrgId: { FNumber: '100.02' },
  FUseOrgId: { FNumber: '100.02' },
  FStockProperty: '5',
  FStockStatusType: '0,1,2,3,4,5,6,7,8',
  FAllowMinusQty: true,
  FGroup: { FNumber: '02' },
  ...extra,
});
