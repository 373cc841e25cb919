/**
 * The port the Kingdee sink calls to record what happened to a golden-record version in Kingdee
 * (RecordKingdeeSyncResult through the warehouses decider). Implemented by the warehouses feature.
 */
export interface KingdeeSyncSuccess {
  readonly goldenId: string;
  readonly version: number;
  readonly fStockId: string;
  readonly fNumber: string;
  readonly operation: 'created' | 'updated';
  readonly at: Date;
  readonly correlationId: string;
}

export interface KingdeeSyncFailure {
  readonly goldenId: string;
  readonly version: number;
  readonly code: string;
  readonly message: string;
  /** Permanent failures open a stewardship task; transient ones are retried by the sink and never recorded. */
  readonly permanent: true;
  readonly at: Date;
  readonly correlationId: string;
}

/**
 * How a retired or merged-away version reached Kingdee: its BD_STOCK forbidden (FStockId/FNumber
 * known), or none there to forbid (never written).
 */
export type KingdeeRetirementResult = {
  readonly goldenId: string;
  readonly version: number;
  readonly at: Date;
  readonly correlationId: string;
} & ({ readonly outcome: 'forbidden'; readonly fStockId: string; readonly fNumber: string } | { readonly outcome: 'not-in-kingdee' });

export interface KingdeeSyncState {
  readonly syncedVersion: number | null;
  readonly fStockId: string | null;
  readonly fNumber: string | null;
  /** The hub forbade the record's BD_STOCK when it was retired: a restored version must enable it first. */
  readonly forbidden?: boolean;
}

export interface KingdeeSyncResultRecorder {
  recordSuccess(results: readonly KingdeeSyncSuccess[]): Promise<void>;
  recordFailure(failures: readonly KingdeeSyncFailure[]): Promise<void>;
  recordRetirement(results: readonly KingdeeRetirementResult[]): Promise<void>;
  /** What the hub last wrote to Kingdee for each golden id, so the sink can skip older versions. */
  syncState(goldenIds: readonly string[]): Promise<Map<string, KingdeeSyncState>>;
}

export const KINGDEE_SYNC_RESULT_RECORDER = Symbol('KingdeeSyncResultRecorder');
