/** A field whose Kingdee value differs from what the scheme renders from the golden record (Kingdee casing, e.g. FName). */
export interface DriftFinding {
  readonly warehouseNo: string;
  readonly goldenId: string;
  readonly field: string;
  readonly kingdee: unknown;
  readonly golden: unknown;
}

/** A golden record the hub believes is in Kingdee (it holds its FStockId) that Kingdee no longer has. */
export interface MissingFinding {
  readonly warehouseNo: string;
  readonly goldenId: string;
  readonly fStockId: string | null;
}

/** A BD_STOCK no golden record claims by FStockId or code; `candidateGoldenId` is a similar record proposed for adoption. */
export interface UnknownFinding {
  readonly FNumber: string;
  readonly FStockId: string;
  readonly FName: string;
  readonly candidateGoldenId: string | null;
}

export interface ReconciliationFindings {
  /** Golden records compared (in the scheme's scope, not retired). */
  readonly checked: number;
  readonly kingdeeRecords: number;
  readonly drifted: readonly DriftFinding[];
  readonly missingInKingdee: readonly MissingFinding[];
  readonly unknownInKingdee: readonly UnknownFinding[];
  /** Kingdee records left out because a steward chose to ignore them. */
  readonly ignored: number;
}

/** The public `mdm reconcile kingdee --json` shape: exactly these keys. */
export function publicReport(f: ReconciliationFindings) {
  return {
    checked: f.checked,
    kingdeeRecords: f.kingdeeRecords,
    drifted: f.drifted.map(({ warehouseNo, goldenId, field, kingdee, golden }) => ({ warehouseNo, goldenId, field, kingdee, golden })),
    missingInKingdee: f.missingInKingdee.map(({ warehouseNo, goldenId }) => ({ warehouseNo, goldenId })),
    unknownInKingdee: f.unknownInKingdee.map(({ FNumber, FStockId, FName, candidateGoldenId }) => ({
      FNumber,
      FStockId,
      FName,
      candidateGoldenId,
    })),
  };
}

export type PublicReconciliationReport = ReturnType<typeof publicReport>;
