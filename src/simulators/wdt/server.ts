import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { WdtSimulatorAdmin, createAdmin } from './admin';
import { handleAdmin } from './admin-routes';
import { SimContext, Variant, answerQuery } from './answer-query';
import { Faults } from './faults';
import { readBody, requestParams, sendJson, sendWdt } from './http-io';
import { DEFAULT_ERROR_REPLIES, SimErrorReplies } from './sim-errors';
import { WarehouseStore } from './warehouse-store';

/** Made-up credentials for a simulator: not secrets, they open nothing but the simulator. */
export interface WdtSimulatorCredentials {
  readonly sid: string;
  readonly appkey: string;
  readonly appsecret: string;
  readonly qimenAppKey: string;
  readonly qimenSecret: string;
  readonly qimenTargetAppKey: string;
}

export const DEFAULT_SIMULATOR_CREDENTIALS: WdtSimulatorCredentials = {
  sid: 'sim-seller',
  appkey: 'sim-appkey',
  appsecret: 'sim-appsecret',
  qimenAppKey: 'sim-qimen-app',
  qimenSecret: 'sim-qimen-secret',
  qimenTargetAppKey: '21363512',
};

export interface WdtSimulatorOptions {
  /** 0 (default) = an ephemeral port. */
  readonly port?: number;
  readonly host?: string;
  /** Seeded warehouses to start with (default 30). */
  readonly warehouses?: number;
  readonly seed?: number;
  readonly credentials?: Partial<WdtSimulatorCredentials>;
  /** Also accept 企业版 signatures computed with UTF-8 byte lengths (default: characters only). */
  readonly acceptByteLengthSignatures?: boolean;
  /** A real quota (calls per rolling minute) answered with the rate-limit reply; default none. */
  readonly callsPerMinute?: number;
  readonly errors?: Partial<SimErrorReplies>;
  /** The simulator's clock (timestamp checks, `modified`); default the real one. */
  readonly now?: () => Date;
}

export interface WdtSimulator {
  /** `http://host:port` */
  readonly url: string;
  /** 企业版 base, to be used as WDT_BASE_URL (`…/openapi2`). */
  readonly openapiBaseUrl: string;
  /** 企业奇门 gateway, to be used as WDT_QIMEN_URL (`…/router/qm`). */
  readonly qimenUrl: string;
  readonly credentials: WdtSimulatorCredentials;
  readonly admin: WdtSimulatorAdmin;
  stop(): Promise<void>;
}

/**
 * A local WDT built to the checklist in docs/wdt-api.md: `POST /openapi2/warehouse_query.php` (企业版) and
 * `GET|POST /router/qm` (企业奇门) over one seeded, editable warehouse list, with fault injection.
 */
export async function startWdtSimulator(options: WdtSimulatorOptions = {}): Promise<WdtSimulator> {
  const credentials = { ...DEFAULT_SIMULATOR_CREDENTIALS, ...options.credentials };
  const defaults = { warehouses: options.warehouses ?? 30, seed: options.seed ?? 1 };
  const ctx = createContext(credentials, options, defaults);
  const admin = createAdmin(ctx, defaults);
  const server = createServer((req, res) => {
    route(ctx, admin, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: (error as Error).message });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    openapiBaseUrl: `${url}/openapi2`,
    qimenUrl: `${url}/router/qm`,
    credentials,
    admin,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function createContext(
  c: WdtSimulatorCredentials,
  options: WdtSimulatorOptions,
  defaults: { warehouses: number; seed: number },
): SimContext {
  const now = options.now ?? (() => new Date());
  const errors = { ...DEFAULT_ERROR_REPLIES, ...options.errors };
  return {
    store: new WarehouseStore(defaults.warehouses, defaults.seed, now),
    faults: new Faults(),
    openapi: {
      sid: c.sid,
      appkey: c.appkey,
      appsecret: c.appsecret,
      acceptByteLengths: options.acceptByteLengthSignatures ?? false,
      errors,
    },
    qimen: { appKey: c.qimenAppKey, secret: c.qimenSecret, targetAppKey: c.qimenTargetAppKey, sid: c.sid, errors },
    errors,
    now,
    calls: [],
    callsPerMinute: options.callsPerMinute,
    recentCalls: [],
  };
}

async function route(ctx: SimContext, admin: WdtSimulatorAdmin, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const body = await readBody(req);
  if (url.pathname.startsWith('/__admin')) return handleAdmin(admin, req, res, url, body);
  const variant = variantFor(req.method ?? 'GET', url.pathname);
  if (!variant) return sendWdt(res, 404, '<html><body><h1>404 Not Found</h1></body></html>');
  const reply = answerQuery(ctx, variant, requestParams(req, url, body));
  if (reply.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  sendWdt(res, reply.status, reply.body);
}

function variantFor(method: string, path: string): Variant | undefined {
  if (path === '/openapi2/warehouse_query.php' && method === 'POST') return 'openapi';
  // qmtest: the test router one client uses (docs/wdt-api.md).
  if ((path === '/router/qm' || path === '/router/qmtest') && (method === 'POST' || method === 'GET')) return 'qimen';
  return undefined;
}
