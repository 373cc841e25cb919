import { IncomingMessage, ServerResponse } from 'node:http';
import { WdtSimulatorAdmin } from './admin';
import { FaultSettings } from './faults';
import { parseJson, sendJson } from './http-io';
import { SimWarehouse } from './sim-warehouse';

type Route = (admin: WdtSimulatorAdmin, body: Record<string, unknown>, no: string) => [number, unknown];

const ROUTES: Record<string, Route> = {
  'GET /__admin/warehouses': (admin) => [200, admin.listWarehouses()],
  'POST /__admin/warehouses': (admin, { position, ...fields }) => [
    201,
    admin.addWarehouse(fields as Partial<SimWarehouse>, { position: position === 'front' ? 'front' : 'end' }),
  ],
  'GET /__admin/warehouses/:no': (admin, _b, no) => [200, admin.getWarehouse(no)],
  'PATCH /__admin/warehouses/:no': (admin, body, no) => [200, admin.editWarehouse(no, body as Partial<SimWarehouse>)],
  'POST /__admin/warehouses/:no/disable': (admin, _b, no) => [200, admin.disableWarehouse(no)],
  'POST /__admin/warehouses/:no/enable': (admin, _b, no) => [200, admin.enableWarehouse(no)],
  'DELETE /__admin/warehouses/:no': (admin, _b, no) => [204, admin.deleteWarehouse(no)],
  'POST /__admin/reset': (admin, body) => [
    200,
    admin.reset({ warehouses: optionalNumber(body.warehouses), seed: optionalNumber(body.seed) }),
  ],
  'GET /__admin/faults': (admin) => [200, admin.faults()],
  'POST /__admin/faults': (admin, body) => [200, admin.setFaults(body as Partial<FaultSettings>)],
  'DELETE /__admin/faults': (admin) => [200, admin.clearFaults()],
  'GET /__admin/calls': (admin) => [200, { count: admin.calls().length, calls: admin.calls() }],
  'DELETE /__admin/calls': (admin) => [200, admin.clearCalls()],
};

/** `/__admin/…` JSON API. Errors: 400 bad JSON, 404 unknown warehouse or route, 409 duplicate warehouse_no. */
export function handleAdmin(admin: WdtSimulatorAdmin, req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
  const match = /^\/__admin\/warehouses\/([^/]+)(\/[a-z]+)?$/.exec(url.pathname);
  const path = match ? `/__admin/warehouses/:no${match[2] ?? ''}` : url.pathname.replace(/\/+$/, '');
  const route = ROUTES[`${req.method} ${path}`];
  if (!route) return sendJson(res, 404, { error: `no admin route ${req.method} ${url.pathname}`, routes: Object.keys(ROUTES) });
  try {
    const [status, value] = route(admin, parseJson(body), match ? decodeURIComponent(match[1]!) : '');
    sendJson(res, status, status === 204 ? undefined : (value ?? { ok: true }));
  } catch (error) {
    const status = error instanceof SyntaxError ? 400 : ((error as { status?: number }).status ?? 500);
    sendJson(res, status, { error: (error as Error).message });
  }
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : undefined;
}
