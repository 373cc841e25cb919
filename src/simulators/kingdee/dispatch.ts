import type { IncomingHttpHeaders } from 'node:http';
import { dataCenters, handleLogin, type LoginKind } from './auth-service';
import { handleExcuteOperation } from './excute-operation';
import { handleOperation, handleView, type FormOperation } from './form-operations';
import { handleBillQuery } from './query-service';
import { parseRequestBody, type RequestParams } from './request-params';
import { asQueryError, sessionLost } from './responses';
import { handleSave } from './save-service';
import type { SimContext } from './sim-context';

export interface Answer {
  readonly status: number;
  readonly json: unknown;
  readonly cookies?: readonly string[];
  readonly outcome: string;
  readonly formId?: string;
  readonly records?: number;
}

type Handler = (ctx: SimContext, params: RequestParams) => Omit<Answer, 'status' | 'outcome'> & { outcome?: string };

const AUTH = 'kingdee.bos.webapi.servicesstub.authservice.';
const FORM = 'kingdee.bos.webapi.servicesstub.dynamicformservice.';
const login =
  (kind: LoginKind): Handler =>
  (ctx, p) => {
    const r = handleLogin(ctx, p, kind);
    return { json: r.reply, cookies: r.cookies, outcome: r.ok ? 'ok' : 'login-failed' };
  };
const operation =
  (op: FormOperation): Handler =>
  (ctx, p) => ({ json: handleOperation(ctx, p, op) });

/** Services that work without a session. */
const OPEN: Readonly<Record<string, Handler>> = {
  [`${AUTH}validateuser`]: login('ValidateUser'),
  [`${AUTH}loginbyappsecret`]: login('LoginByAppSecret'),
  [`${AUTH}loginbysign`]: login('LoginBySign'),
  'kingdee.bos.servicefacade.servicesstub.account.accountservice.getdatacenterlist': (ctx) => ({ json: dataCenters(ctx) }),
};

const GUARDED: Readonly<Record<string, Handler>> = {
  [`${FORM}batchsave`]: (ctx, p) => {
    const r = handleSave(ctx, p, false);
    return { json: r.reply, formId: r.formId, records: r.records };
  },
  [`${FORM}save`]: (ctx, p) => {
    const r = handleSave(ctx, p, true);
    return { json: r.reply, formId: r.formId, records: r.records };
  },
  [`${FORM}executebillquery`]: (ctx, p) => {
    const r = handleBillQuery(ctx, p);
    return { json: r.reply, formId: r.formId, records: r.records };
  },
  [`${FORM}view`]: (ctx, p) => ({ json: handleView(ctx, p) }),
  [`${FORM}submit`]: operation('Submit'),
  [`${FORM}audit`]: operation('Audit'),
  [`${FORM}unaudit`]: operation('UnAudit'),
  [`${FORM}delete`]: operation('Delete'),
  // Kingdee's own spelling: the service is ExcuteOperation, not ExecuteOperation.
  [`${FORM}excuteoperation`]: (ctx, p) => ({ json: handleExcuteOperation(ctx, p) }),
};

export const isKnownService = (service: string): boolean =>
  service.toLowerCase() in OPEN || service.toLowerCase() in GUARDED || service.toLowerCase() === `${AUTH}logout`;

/** Answers one kdsvc call: service names match case-insensitively; everything but login needs a live session. */
export function dispatch(ctx: SimContext, service: string, headers: IncomingHttpHeaders, body: string): Answer {
  const name = service.toLowerCase();
  const params = parseRequestBody(body);
  const open = OPEN[name];
  if (open) return { status: 200, outcome: 'ok', ...open(ctx, params) };
  const ids = sessionIds(headers);
  if (name === `${AUTH}logout`) {
    const session = ctx.sessions.use(ids);
    return { status: 200, json: session ? ctx.sessions.close(session.id) : false, outcome: 'ok' };
  }
  const handler = GUARDED[name]!;
  if (!ctx.sessions.use(ids)) {
    const lost = sessionLost();
    return { status: 200, json: name.endsWith('executebillquery') ? asQueryError(lost) : lost, outcome: 'session-lost' };
  }
  const result = handler(ctx, params);
  return { status: 200, outcome: result.outcome ?? outcomeOf(result.json), ...result };
}

/** A session may come as cookies, the `kdservice-sessionid` header or the Java SDK's `SID` header. */
function sessionIds(headers: IncomingHttpHeaders): string[] {
  const cookies = new Map(
    String(headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((kv) => kv.length >= 2)
      .map(([k, ...v]) => [k!.toLowerCase(), v.join('=')]),
  );
  const header = (h: string) => (Array.isArray(headers[h]) ? headers[h]![0] : (headers[h] as string | undefined));
  return [header('kdservice-sessionid'), header('sid'), cookies.get('kdservice-sessionid'), cookies.get('asp.net_sessionid')].filter(
    (x): x is string => !!x,
  );
}

function outcomeOf(json: unknown): string {
  const status = (Array.isArray(json) ? (json[0] as unknown[] | undefined)?.[0] : json) as
    { Result?: { ResponseStatus?: { IsSuccess?: boolean } } } | undefined;
  return status?.Result?.ResponseStatus?.IsSuccess === false ? 'failed' : 'ok';
}

const SHORT_NAMES = [
  'ValidateUser',
  'LoginByAppSecret',
  'LoginBySign',
  'Logout',
  'GetDataCenterList',
  'BatchSave',
  'Save',
  'ExecuteBillQuery',
  'View',
  'Submit',
  'Audit',
  'UnAudit',
  'Delete',
  'ExcuteOperation',
];

/** `Kingdee.BOS….DynamicFormService.batchSave` → `BatchSave`, for the call log. */
export function shortServiceName(service: string): string {
  const last = service.slice(service.lastIndexOf('.') + 1);
  return SHORT_NAMES.find((n) => n.toLowerCase() === last.toLowerCase()) ?? last;
}
