import type { KingdeeSimulatorAdmin } from './admin';

type Route = (admin: KingdeeSimulatorAdmin, body: Record<string, unknown>) => unknown;
const n = (v: unknown, fallback?: number): number | undefined => (v === undefined ? fallback : Number(v));
const s = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

const state = (admin: KingdeeSimulatorAdmin) => ({
  stocks: admin.stocks(),
  calls: admin.calls(),
  callCounts: admin.callCounts(),
  sessions: admin.sessionCount(),
  faults: admin.faults(),
  behaviour: admin.behaviour(),
});

/** `/__admin/…` over HTTP: the in-process admin's operations as JSON endpoints ("METHOD path" → route). */
const ROUTES: Readonly<Record<string, Route>> = {
  'GET /__admin': state,
  'GET /__admin/state': state,
  'GET /__admin/stocks': (a) => a.stocks(),
  'POST /__admin/stocks': (a, b) => a.addStock((b.fields ?? b) as Record<string, unknown>, { audited: b.audited !== false }),
  'POST /__admin/stocks/edit': (a, b) => a.editStock(String(b.number), (b.fields ?? {}) as Record<string, unknown>, s(b.useOrg)),
  'POST /__admin/stocks/delete': (a, b) => ({ deleted: a.deleteStock(String(b.number), s(b.useOrg)) }),
  'GET /__admin/calls': (a) => ({ counts: a.callCounts(), calls: a.calls() }),
  'DELETE /__admin/calls': (a) => a.clearCalls(),
  'GET /__admin/faults': (a) => a.faults(),
  'POST /__admin/faults': (a, b) => a.setFaults(b),
  'DELETE /__admin/faults': (a) => a.clearFaults(),
  'POST /__admin/faults/fail-next': (a, b) => a.failNext(n(b.calls, 1), n(b.status, 500)),
  'POST /__admin/faults/exception-next': (a, b) => a.exceptionNext(n(b.calls, 1), s(b.message)),
  'POST /__admin/faults/rate-limit-next': (a, b) => a.rateLimitNext(n(b.calls, 1)),
  'POST /__admin/faults/lose-answer-next': (a, b) => a.loseAnswerNext(n(b.calls, 1), s(b.service)),
  'POST /__admin/faults/slow': (a, b) => a.slowResponses(n(b.delayMs ?? b.ms, 0)!),
  'POST /__admin/faults/reject-number': (a, b) => a.rejectNumber(String(b.number), s(b.message)),
  'POST /__admin/sessions/expire': (a) => ({ expired: a.expireSessions() }),
  'POST /__admin/clock/advance': (a, b) => a.advanceClock(n(b.ms, 0)!),
  'GET /__admin/behaviour': (a) => a.behaviour(),
  'POST /__admin/behaviour': (a, b) => a.setBehaviour(b),
  'POST /__admin/reset': (a) => a.reset(),
};

/** The admin answer for `method path`, or undefined when no such endpoint exists. */
export function handleAdmin(
  admin: KingdeeSimulatorAdmin,
  method: string,
  path: string,
  body: string,
): { status: number; json: unknown } | undefined {
  const route = ROUTES[`${method.toUpperCase()} ${path.replace(/\/+$/, '')}`];
  if (!route) return undefined;
  try {
    const parsed: unknown = body.trim() ? JSON.parse(body) : {};
    const result = route(admin, typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {});
    return { status: 200, json: result === undefined ? { ok: true } : result };
  } catch (error) {
    return { status: 400, json: { error: (error as Error).message } };
  }
}

export const ADMIN_ENDPOINTS: readonly string[] = Object.keys(ROUTES);
