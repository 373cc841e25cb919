import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdmin, type KingdeeSimulatorAdmin } from './admin';
import { handleAdmin } from './admin-routes';
import { dispatch, isKnownService, shortServiceName, type Answer } from './dispatch';
import { Faults } from './faults';
import { BadRequestBody } from './request-params';
import { asQueryError, exceptionBody, failure } from './responses';
import { SessionStore } from './sessions';
import type { SimBehaviour, SimContext, SimUser } from './sim-context';
import { keepStocksInFile } from './stock-file';
import { StockStore } from './stock-store';

/** Made-up credentials: not secrets, they open nothing but the simulator. */
export const DEFAULT_KINGDEE_SIMULATOR_USER = {
  acctId: 'mdm-sim-acct',
  username: 'mdm-api',
  password: 'sim-password',
  appId: 'sim-app-id',
  appSecret: 'sim-app-secret',
} as const satisfies SimUser;

export interface KingdeeSimulatorOptions {
  /** 0 (default) = an ephemeral port. */
  readonly port?: number;
  readonly host?: string;
  readonly users?: readonly SimUser[];
  /** The simulator's clock in ms (session expiry); default the real one. `admin.advanceClock` moves it on. */
  readonly now?: () => number;
  /** Idle time before a session is lost; default 20 minutes (docs/kingdee-api.md). */
  readonly sessionIdleMs?: number;
  readonly behaviour?: Partial<SimBehaviour>;
  /** Keep BD_STOCK in this JSON file across restarts (demo mode); in memory only when absent. */
  readonly dataFile?: string;
}

export interface KingdeeSimulator {
  /** Base URL up to and including `/k3cloud/`, as KINGDEE_BASE_URL expects. */
  readonly url: string;
  readonly origin: string;
  readonly user: typeof DEFAULT_KINGDEE_SIMULATOR_USER;
  readonly admin: KingdeeSimulatorAdmin;
  stop(): Promise<void>;
}

const KDSVC = /^\/k3cloud\/([^/]+?)(?:\.common\.kdsvc)?$/i;

/** A local Kingdee K/3 Cloud WebAPI built to the checklist in docs/kingdee-api.md: auth, sessions, BD_STOCK save/query/view, fault injection. */
export async function startKingdeeSimulator(options: KingdeeSimulatorOptions = {}): Promise<KingdeeSimulator> {
  const clock = { offsetMs: 0 };
  const baseNow = options.now ?? Date.now;
  const now = () => baseNow() + clock.offsetMs;
  const ctx: SimContext = {
    users: options.users ?? [DEFAULT_KINGDEE_SIMULATOR_USER],
    sessions: new SessionStore(now, options.sessionIdleMs ?? 20 * 60_000),
    stocks: new StockStore(),
    faults: new Faults(),
    calls: [],
    behaviour: { rejectAutoAuditOnUpdate: false, rejectAuditedUpdate: false, ...options.behaviour },
    orgs: new Map(),
    now,
  };
  const stockFile = options.dataFile ? keepStocksInFile(ctx.stocks, options.dataFile) : null;
  const admin = createAdmin(ctx, clock);
  const server = createServer((req, res) => {
    handle(ctx, admin, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String((error as Error).message));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: `${origin}/k3cloud/`,
    origin,
    user: DEFAULT_KINGDEE_SIMULATOR_USER,
    admin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          stockFile?.flush();
          resolve();
        });
      }),
  };
}

async function handle(ctx: SimContext, admin: KingdeeSimulatorAdmin, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const path = new URL(req.url ?? '/', 'http://sim').pathname;
  if (path.startsWith('/__admin')) {
    const answer = handleAdmin(admin, req.method ?? 'GET', path, body);
    return answer ? sendJson(res, answer.status, answer.json) : send(res, 404, 'text/plain', `no admin endpoint ${req.method} ${path}`);
  }
  const service = KDSVC.exec(path)?.[1];
  if (!service || !isKnownService(service))
    return send(res, 404, 'text/html; charset=utf-8', '<html><body><h2>404 - File or directory not found.</h2></body></html>');
  if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
  const { delayMs } = ctx.faults.current();
  if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  const answer = injectedFault(ctx, service) ?? answerCall(ctx, service, req, body);
  const name = shortServiceName(service);
  ctx.calls.push({
    at: new Date(ctx.now()).toISOString(),
    service: name,
    httpStatus: answer.status,
    outcome: answer.outcome,
    formId: answer.formId,
    records: answer.records,
  });
  if (ctx.faults.takeLoseAnswer(name)) return void res.destroy();
  if (answer.cookies?.length) res.setHeader('set-cookie', [...answer.cookies]);
  if (typeof answer.json === 'string' && answer.json.startsWith('response_error:'))
    return send(res, answer.status, 'text/plain; charset=utf-8', answer.json);
  if (answer.status !== 200) return send(res, answer.status, 'text/html; charset=utf-8', String(answer.json));
  sendJson(res, 200, answer.json);
}

function injectedFault(ctx: SimContext, service: string): Answer | undefined {
  const fault = ctx.faults.take();
  if (fault === 'httpError')
    return {
      status: ctx.faults.current().httpErrorStatus,
      json: '<html><body>Service Unavailable (simulated)</body></html>',
      outcome: 'fault:http',
    };
  if (fault === 'exception') return { status: 200, json: exceptionBody(ctx.faults.current().exceptionMessage), outcome: 'fault:exception' };
  if (fault === 'rateLimit') {
    const limited = failure(14, '调用限制：接口调用过于频繁，请稍后再试');
    return { status: 200, json: /executebillquery$/i.test(service) ? asQueryError(limited) : limited, outcome: 'fault:rate-limit' };
  }
  return undefined;
}

function answerCall(ctx: SimContext, service: string, req: IncomingMessage, body: string): Answer {
  try {
    return dispatch(ctx, service, req.headers, body);
  } catch (error) {
    if (error instanceof BadRequestBody) return { status: 200, json: exceptionBody(error.message), outcome: 'bad-request' };
    throw error;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
