import { deleteStock, editStock } from './admin-edits';
import { injectedRejection, type FaultSettings } from './faults';
import { saveRecord } from './save-record';
import type { SimBehaviour, SimCall, SimContext } from './sim-context';
import type { SimStock } from './stock-store';

/** What tests and operators can do to the simulator: the same operations `/__admin/…` offers over HTTP. */
export interface KingdeeSimulatorAdmin {
  /** Every BD_STOCK record with its fields, by FStockId. */
  stocks(): SimStock[];
  stock(number: string, useOrg?: string): SimStock | undefined;
  /** Puts a record in place as if someone had keyed it into Kingdee (validated like a save). */
  addStock(fields: Record<string, unknown>, options?: { audited?: boolean }): SimStock;
  /** Changes a record as if someone edited it in the Kingdee client (e.g. `{FName: '新名称'}`, `{FForbidStatus: 'B'}`). */
  editStock(number: string, changes: Record<string, unknown>, useOrg?: string): SimStock;
  /** Deletes a record as if someone removed it in Kingdee; false when there is none. */
  deleteStock(number: string, useOrg?: string): boolean;
  calls(): SimCall[];
  /** Calls per short service name, e.g. `{ValidateUser: 1, BatchSave: 3}`. */
  callCounts(): Record<string, number>;
  clearCalls(): void;
  sessionCount(): number;
  /** Session loss: every session ends now; the next call answers MsgCode 1. */
  expireSessions(): number;
  /** Moves the simulator's clock (idle expiry is 20 minutes). */
  advanceClock(ms: number): void;
  faults(): FaultSettings;
  setFaults(changes: Partial<FaultSettings>): FaultSettings;
  failNext(calls?: number, status?: number): void;
  exceptionNext(calls?: number, message?: string): void;
  rateLimitNext(calls?: number): void;
  /** The next N calls (of `service` only, when given) run, then lose their answer. */
  loseAnswerNext(calls?: number, service?: string): void;
  slowResponses(delayMs: number): void;
  rejectNumber(number: string, message?: string): void;
  clearFaults(): void;
  behaviour(): SimBehaviour;
  setBehaviour(changes: Partial<SimBehaviour>): SimBehaviour;
  /** Empties the store, ends sessions, clears faults, behaviour switches and the call log. */
  reset(): void;
}

export function createAdmin(ctx: SimContext, clock: { offsetMs: number }): KingdeeSimulatorAdmin {
  const copy = <T>(value: T): T => structuredClone(value);
  const set = (changes: Partial<FaultSettings>) => void ctx.faults.set(changes);
  return {
    stocks: () => copy(ctx.stocks.all()),
    stock: (number, useOrg) => copy(ctx.stocks.findByNumber(useOrg, number)),
    addStock: (fields, options = {}) => {
      const rules = {
        store: ctx.stocks,
        autoAudit: options.audited ?? true,
        needUpDateFields: new Set<string>(),
        rejectNumbers: new Map(),
        rejectAutoAuditOnUpdate: false,
        rejectAuditedUpdate: false,
      };
      const result = saveRecord({ ...fields, FStockId: 0 }, rules);
      if (!result.ok) throw new Error(`cannot add stock: ${result.errors.map((e) => e.Message).join('; ')}`);
      return copy(result.stock);
    },
    editStock: (number, changes, useOrg) => copy(editStock(ctx, number, changes, useOrg)),
    deleteStock: (number, useOrg) => deleteStock(ctx, number, useOrg),
    calls: () => copy(ctx.calls),
    callCounts: () =>
      ctx.calls.reduce<Record<string, number>>((counts, c) => ({ ...counts, [c.service]: (counts[c.service] ?? 0) + 1 }), {}),
    clearCalls: () => void (ctx.calls.length = 0),
    sessionCount: () => ctx.sessions.size,
    expireSessions: () => ctx.sessions.expireAll(),
    advanceClock: (ms) => void (clock.offsetMs += ms),
    faults: () => ctx.faults.current(),
    setFaults: (changes) => ctx.faults.set(changes),
    failNext: (calls = 1, status = 500) => set({ httpErrorNext: calls, httpErrorStatus: status }),
    exceptionNext: (calls = 1, message) => set({ exceptionNext: calls, ...(message ? { exceptionMessage: message } : {}) }),
    rateLimitNext: (calls = 1) => set({ rateLimitNext: calls }),
    loseAnswerNext: (calls = 1, service = '') => set({ loseAnswerNext: calls, loseAnswerService: service }),
    slowResponses: (delayMs) => set({ delayMs }),
    rejectNumber: (number, message) =>
      set({ rejectNumbers: { ...ctx.faults.current().rejectNumbers, [number]: message ?? injectedRejection(number) } }),
    clearFaults: () => ctx.faults.clear(),
    behaviour: () => ({ ...ctx.behaviour }),
    setBehaviour: (changes) => ({ ...Object.assign(ctx.behaviour, changes) }),
    reset: () => {
      ctx.stocks.clear();
      ctx.sessions.expireAll();
      ctx.faults.clear();
      ctx.calls.length = 0;
      Object.assign(ctx.behaviour, { rejectAutoAuditOnUpdate: false, rejectAuditedUpdate: false });
    },
  };
}
