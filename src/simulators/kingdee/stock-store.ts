/** One BD_STOCK record as the simulator holds it: canonical field key → value; references as `{FNumber}`. */
export interface SimStock {
  readonly FStockId: number;
  readonly FNumber: string;
  readonly FDocumentStatus: string;
  readonly FForbidStatus: string;
  readonly [key: string]: unknown;
}

const FIRST_ID = 100001;

const refNumber = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null ? ((value as Record<string, unknown>).FNumber as string | undefined) : undefined;
const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** BD_STOCK keyed by FStockId (auto-increment from 100001), unique on (FUseOrgId, FNumber). */
export class StockStore {
  private readonly records = new Map<number, SimStock>();
  private nextId = FIRST_ID;

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
    return stock;
  }

  replace(stock: SimStock): SimStock {
    this.records.set(stock.FStockId, stock);
    return stock;
  }

  remove(id: number): boolean {
    return this.records.delete(id);
  }

  clear(): void {
    this.records.clear();
    this.nextId = FIRST_ID;
  }
}

export const useOrgOf = (stock: Record<string, unknown>): string | undefined => refNumber(stock.FUseOrgId);
