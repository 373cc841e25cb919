import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { CommandMetadata } from '../../shared/domain/decider';
import { RecordWdtObservation, WarehouseCommand } from '../domain/commands';
import { WarehouseEvent } from '../domain/events';
import { evolve } from '../domain/evolve';
import { WarehouseState, initialState } from '../domain/state';
import { warehouseDecider } from '../domain/warehouse-decider';

/** A realistic WDT warehouse (as the client decodes it), with `raw` rebuilt from the typed fields. */
export function wdtWarehouse(overrides: Partial<Omit<WdtWarehouse, 'raw'>> = {}): WdtWarehouse {
  const typed = {
    warehouseNo: 'SH-PD-01',
    warehouseId: '101',
    name: '上海浦东仓',
    type: 1,
    subType: undefined,
    extWarehouseNo: undefined,
    province: '上海',
    city: '上海市',
    district: '浦东新区',
    address: '川沙路5188号',
    contact: '张伟',
    telno: '021-5888 1234',
    mobile: '138 0013 8000',
    zip: '201200',
    isDefect: false,
    isDisabled: false,
    remark: undefined,
    coordinatesX: 121.71,
    coordinatesY: 31.19,
    matchWarehouseId: undefined,
    priority: undefined,
    created: '2025-03-01 10:00:00',
    modified: '2026-11-20 08:30:00',
    ...overrides,
  };
  return { ...typed, raw: rawOf(typed) };
}

function rawOf(w: Omit<WdtWarehouse, 'raw'>): Record<string, unknown> {
  return {
    warehouse_no: w.warehouseNo,
    warehouse_id: w.warehouseId,
    name: w.name,
    type: w.type,
    province: w.province ?? '',
    city: w.city ?? '',
    district: w.district ?? '',
    address: w.address ?? '',
    contact: w.contact ?? '',
    telno: w.telno ?? '',
    mobile: w.mobile ?? '',
    zip: w.zip ?? '',
    is_defect: w.isDefect ? 1 : 0,
    is_disabled: w.isDisabled ? 1 : 0,
    remark: w.remark ?? '',
    coordinates_x: String(w.coordinatesX ?? 0),
    coordinates_y: String(w.coordinatesY ?? 0),
    modified: w.modified,
  };
}

/** Metadata at 2026-11-28 09:00 + `minute` (UTC). */
export function meta(minute = 0, actor = 'wdt-sync'): CommandMetadata {
  return { now: new Date(Date.UTC(2026, 10, 28, 9, minute)), actor, correlationId: `corr-${minute}` };
}

/** Events a command produces from a history: builds realistic `given` histories through the decider itself. */
export function eventsOf(
  history: readonly WarehouseEvent[],
  command: WarehouseCommand,
  metadata: CommandMetadata = meta(),
): WarehouseEvent[] {
  const state = history.reduce(evolve, initialState());
  return [...history, ...warehouseDecider.decide(command, state, metadata)];
}

export const foldEvents = (events: readonly WarehouseEvent[]): WarehouseState => events.reduce(evolve, initialState());

export function observe(
  warehouse: WdtWarehouse,
  goldenId = 'wh_a',
  syncRunId = 'run-1',
  candidates: RecordWdtObservation['candidates'] = [],
): RecordWdtObservation {
  return { type: 'RecordWdtObservation', goldenId, warehouse, syncRunId, candidates };
}
