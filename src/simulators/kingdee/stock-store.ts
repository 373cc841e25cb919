/** One BD_STOCK record as the simulator holds it: canonical field key → value; references as `{FNumber}`. */
export interface SimStock {
  readonly FStockId: number;
  readonly FNumber: string;
  readonly FDocumentStatus: string;
  readonly FForbidStatus: string;
  readonly [key: string]: unknown;
}

const FIRST_ID = 100001;

export interface StockSnapshot {
  readonly nextId: number;
  readonly records: readonly SimStock[];
}

const refNumber = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>).FNumber as string | undefined) : undefined;
const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** BD_STOCK keyed by FStockId (auto-increment from 100001), unique on (FUseOrgId, FNumber). */
export class StockStore {
  private readonly records = new Map<number, SimStock>();
  private nextId = FIRST_ID;
  private readonly listeners: (() => void)[] = [];

  /** Called after every change (the demo's snapshot file is written from here). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  snapshot(): StockSnapshot {
    return { nextId: this.nextId, records: this.all() };
  }

  /** Replaces the contents with a snapshot (no change is reported: it is what the listener wrote). */
  restore(snapshot: StockSnapshot): void {
    this.records.clear();
    for (const stock of snapshot.records) this.records.set(stock.FStockId, stock);
    this.nextId = Math.max(snapshot.nextId, FIRST_ID, ...snapshot.records.map((s) => s.FStockId + 1));
  }

  all(): SimStock[] {
    return [...this.records.values()].sort((a, b) => a.FStockId - b.FStockId);
  }

  get(id: number): SimStock | undefined {
    return this.records.get(id);
  }

  /** Numbers compare case-insensitively, as on SQL Server's default collation. */
  findByNumber(useOrg: string | undefined, number: string, exceptId?: number): SimStock | undefined {
    return this.all().find(
      (s) => s.FStockId !== exceptId && sameText(s.FNumber, number) && (useOrg === undefined || refNumber(s.FUseOrgId) === useOrg),
    );
  }

  insert(fields: Record<string, unknown>, documentStatus: string): SimStock {
    const stock: SimStock = {
      ...fields,
      FStockId: this.nextId++,
      FNumber: String(fields.FNumber),
      FDocumentStatus: documentStatus,
      FForbidStatus: 'A',
    };
    this.records.set(stock.FStockId, stock);
    this.changed();
    return stock;
  }

  replace(stock: SimStock): SimStock {
    this.records.set(stock.FStockId, stock);
    this.changed();
    return stock;
  }

  remove(id: number): boolean {
    const removed = this.records.delete(id);
    if (removed) this.changed();
    return removed;
  }

  clear(): void {
    this.records.clear();
    this.nextId = FIRST_ID;
    this.changed();
  }
}

export const useOrgOf = (stock: Record<string, unknown>): string | undefined => refNumber(stock.FUseOrgId);
