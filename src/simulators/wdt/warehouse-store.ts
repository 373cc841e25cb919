import { WarehouseFactory, generateWarehouses } from './seed/generate-warehouses';
import { SimWarehouse, beijingTime } from './sim-warehouse';

export class SimNotFoundError extends Error {
  readonly status = 404;
}
export class SimConflictError extends Error {
  readonly status = 409;
}

/** Fields the admin API may not set: the simulator owns identity and timestamps. */
const OWNED = ['warehouse_id', 'created', 'modified'];

/**
 * The simulator's warehouse list, in the order WDT pages it. New warehouses go to the end unless
 * asked for the front (which is how a pull sees rows shift across pages).
 */
export class WarehouseStore {
  private rows: SimWarehouse[] = [];
  private factory = new WarehouseFactory();

  constructor(
    count: number,
    seed: number,
    private readonly now: () => Date,
  ) {
    this.reset(count, seed);
  }

  reset(count: number, seed: number): void {
    const { warehouses, factory } = generateWarehouses(count, seed);
    this.rows = warehouses;
    this.factory = factory;
  }

  all(): readonly SimWarehouse[] {
    return this.rows;
  }

  get(warehouseNo: string): SimWarehouse {
    const row = this.rows.find((w) => w.warehouse_no === warehouseNo);
    if (!row) throw new SimNotFoundError(`no warehouse ${warehouseNo}`);
    return row;
  }

  /** A new generated warehouse with `fields` laid over it. */
  add(fields: Partial<SimWarehouse> = {}, position: 'front' | 'end' = 'end'): SimWarehouse {
    const generated = this.factory.next();
    const warehouse: SimWarehouse = { ...generated, ...withoutOwned(fields), modified: beijingTime(this.now()) };
    if (fields.type !== undefined && fields.warehouse_type === undefined) warehouse.warehouse_type = fields.type;
    if (this.rows.some((w) => w.warehouse_no === warehouse.warehouse_no)) {
      throw new SimConflictError(`warehouse ${warehouse.warehouse_no} exists already`);
    }
    if (position === 'front') this.rows.unshift(warehouse);
    else this.rows.push(warehouse);
    return warehouse;
  }

  /** Partial edit; `modified` moves on only when something really changed, as in WDT. */
  edit(warehouseNo: string, patch: Partial<SimWarehouse>): SimWarehouse {
    const row = this.get(warehouseNo);
    const changes = withoutOwned(patch);
    if (changes.type !== undefined && changes.warehouse_type === undefined) changes.warehouse_type = changes.type;
    if (
      changes.warehouse_no !== undefined &&
      changes.warehouse_no !== warehouseNo &&
      this.rows.some((w) => w.warehouse_no === changes.warehouse_no)
    ) {
      throw new SimConflictError(`warehouse ${String(changes.warehouse_no)} exists already`);
    }
    const changed = Object.entries(changes).some(([key, value]) => row[key] !== value);
    Object.assign(row, changes);
    if (changed) row.modified = beijingTime(this.now());
    return row;
  }

  remove(warehouseNo: string): void {
    this.get(warehouseNo);
    this.rows = this.rows.filter((w) => w.warehouse_no !== warehouseNo);
  }
}

function withoutOwned(fields: Partial<SimWarehouse>): Partial<SimWarehouse> {
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => !OWNED.includes(key) && value !== undefined),
  ) as Partial<SimWarehouse>;
}
