import { SimCall, SimContext } from './answer-query';
import { FaultSettings } from './faults';
import { SimWarehouse } from './sim-warehouse';

/** What tests and operators can do to the simulator: the same operations the `/__admin/` HTTP API offers. */
export interface WdtSimulatorAdmin {
  listWarehouses(): SimWarehouse[];
  getWarehouse(warehouseNo: string): SimWarehouse;
  /** A realistic generated warehouse with `fields` laid over it; at the end of the list unless `front`. */
  addWarehouse(fields?: Partial<SimWarehouse>, options?: { position?: 'front' | 'end' }): SimWarehouse;
  editWarehouse(warehouseNo: string, patch: Partial<SimWarehouse>): SimWarehouse;
  disableWarehouse(warehouseNo: string): SimWarehouse;
  enableWarehouse(warehouseNo: string): SimWarehouse;
  deleteWarehouse(warehouseNo: string): void;
  /** A fresh seeded data set (same defaults as at start unless given); clears faults and the call log. */
  reset(options?: { warehouses?: number; seed?: number }): void;
  faults(): FaultSettings;
  setFaults(changes: Partial<FaultSettings>): FaultSettings;
  rateLimitNext(calls?: number): void;
  failNext(calls?: number, status?: number): void;
  slowPages(delayMs: number): void;
  malformedPage(pageNo: number, times?: number): void;
  shiftRowsDuringPull(pulls?: number): void;
  clearFaults(): void;
  calls(): SimCall[];
  clearCalls(): void;
}

export function createAdmin(ctx: SimContext, defaults: { warehouses: number; seed: number }): WdtSimulatorAdmin {
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    listWarehouses: () => copy([...ctx.store.all()]),
    getWarehouse: (no) => copy(ctx.store.get(no)),
    addWarehouse: (fields = {}, options = {}) => copy(ctx.store.add(fields, options.position)),
    editWarehouse: (no, patch) => copy(ctx.store.edit(no, patch)),
    disableWarehouse: (no) => copy(ctx.store.edit(no, { is_disabled: 1 })),
    enableWarehouse: (no) => copy(ctx.store.edit(no, { is_disabled: 0 })),
    deleteWarehouse: (no) => ctx.store.remove(no),
    reset: (options = {}) => {
      ctx.store.reset(options.warehouses ?? defaults.warehouses, options.seed ?? defaults.seed);
      ctx.faults.clear();
      ctx.calls.length = 0;
      ctx.recentCalls.length = 0;
    },
    faults: () => ctx.faults.current(),
    setFaults: (changes) => ctx.faults.set(changes),
    rateLimitNext: (calls = 1) => void ctx.faults.set({ rateLimitNext: calls }),
    failNext: (calls = 1, status = 500) => void ctx.faults.set({ serverErrorNext: calls, serverErrorStatus: status }),
    slowPages: (delayMs) => void ctx.faults.set({ slowPageMs: delayMs }),
    malformedPage: (pageNo, times = 1) => void ctx.faults.set({ malformedPage: { pageNo, times } }),
    shiftRowsDuringPull: (pulls = 1) => void ctx.faults.set({ shiftRowsDuringPull: pulls }),
    clearFaults: () => ctx.faults.clear(),
    calls: () => copy(ctx.calls),
    clearCalls: () => void (ctx.calls.length = 0),
  };
}
