import { WarehouseEventType } from './events';

/**
 * Which events change the golden record as a steward sees it. The record version (the ETag, the
 * "版本" of the console) counts these only: a Kingdee sync result, a forbid confirmation or a
 * resync request is the sink's bookkeeping, and must never make the version a steward just read stale. A duplicate suspicion or
 * its dismissal is a task about the record, not a change of it. A new event type must be placed
 * here (the Record makes the compiler ask).
 */
const CHANGES_THE_RECORD: Readonly<Record<WarehouseEventType, boolean>> = {
  WarehouseObservedInWdt: true,
  WarehouseMissingInWdt: true,
  FieldOverridden: true,
  FieldOverrideRemoved: true,
  GoldenRecordMerged: true,
  GoldenRecordRetired: true,
  GoldenRecordRestored: true,
  SuspectedDuplicateDetected: false,
  DuplicateDismissed: false,
  KingdeeSyncSucceeded: false,
  KingdeeStockForbidden: false,
  KingdeeStockAbsent: false,
  KingdeeSyncFailed: false,
  KingdeeResyncRequested: false,
  // Reconciliation findings and adopting an existing BD_STOCK are about Kingdee's copy, not the record.
  KingdeeDriftDetected: false,
  KingdeeRecordMissing: false,
  KingdeeFindingResolved: false,
  KingdeeRecordAdopted: false,
};

export const changesRecordVersion = (type: WarehouseEventType): boolean => CHANGES_THE_RECORD[type];
