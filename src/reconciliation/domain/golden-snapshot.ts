import type { KingdeeModel } from '../../contracts/integration-scheme';

/** What reconciliation knows of one golden record: the scheme's rendering of it and where the hub put it. */
export interface GoldenSnapshot {
  readonly goldenId: string;
  readonly warehouseNo: string;
  /** Retired and merged-away records are not written by the sink, so they are not compared. */
  readonly retired: boolean;
  /** false when the scheme's source filter keeps the record out of Kingdee. */
  readonly inScope: boolean;
  /** The Model the sink would send (without FStockId), or null when the scheme cannot render it. */
  readonly rendered: KingdeeModel | null;
  /** The Kingdee id the hub holds for it (cross-reference), or null when it was never written. */
  readonly fStockId: string | null;
  /** A newer version is on its way to Kingdee: its fields are not compared yet (the copy is expected to lag). */
  readonly pending: boolean;
}
