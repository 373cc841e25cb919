import { KingdeeFieldDrift } from './events';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { MatchProfile } from './matching';
import { WarehouseState } from './state';

/** Golden id assigned by the handler (reservation table), never by the domain. */
export interface RecordWdtObservation {
  readonly type: 'RecordWdtObservation';
  readonly goldenId: string;
  readonly warehouse: WdtWarehouse;
  readonly syncRunId: string;
  /** Source system instance; `wdt` unless a second WDT account is configured. */
  readonly system?: string;
  /** Golden records in the same 省/市 (read model, eventually consistent): matching candidates. */
  readonly candidates?: readonly MatchProfile[];
}

export interface OverrideField {
  readonly type: 'OverrideField';
  readonly field: string;
  readonly value: unknown;
  readonly reason: string;
}

export interface RemoveOverride {
  readonly type: 'RemoveOverride';
  readonly field: string;
  readonly reason?: string;
}

/** Decided on both records of the pair; `other` is the other record's folded state. */
export interface ResolveDuplicate {
  readonly type: 'ResolveDuplicate';
  readonly taskId: string;
  readonly action: 'merge' | 'dismiss';
  readonly survivorId?: string;
  readonly reason?: string;
  readonly other: WarehouseState;
}

export type RecordKingdeeSyncResult =
  | {
      readonly type: 'RecordKingdeeSyncResult';
      readonly outcome: 'success';
      readonly version: number;
      readonly fStockId: string;
      readonly fNumber: string;
      readonly operation: 'created' | 'updated';
    }
  | {
      readonly type: 'RecordKingdeeSyncResult';
      readonly outcome: 'failure';
      readonly version: number;
      readonly code: string;
      readonly message: string;
    }
  /** A retired or merged-away version reached Kingdee: its BD_STOCK is forbidden (禁用). */
  | {
      readonly type: 'RecordKingdeeSyncResult';
      readonly outcome: 'forbidden';
      readonly version: number;
      readonly fStockId: string;
      readonly fNumber: string;
    }
  /** A retired or merged-away version has no BD_STOCK in Kingdee (never written): nothing to forbid. */
  | { readonly type: 'RecordKingdeeSyncResult'; readonly outcome: 'not-in-kingdee'; readonly version: number };

export interface RetireGoldenRecord {
  readonly type: 'RetireGoldenRecord';
  readonly reason: string;
}

/** Un-retires a retired record (not a merged-away one): the sources decide its fields again. */
export interface RestoreGoldenRecord {
  readonly type: 'RestoreGoldenRecord';
  readonly reason: string;
}

export interface RequestKingdeeResync {
  readonly type: 'RequestKingdeeResync';
  readonly reason: string;
  /** A sync-failure task this resync resolves. */
  readonly taskId?: string;
}

export interface FlagMissingInWdt {
  readonly type: 'FlagMissingInWdt';
  readonly warehouseNo: string;
  readonly syncRunId: string;
  readonly system?: string;
}

/** What one reconciliation run found for this record: an empty drift and no missing close open findings. */
export interface RecordKingdeeFindings {
  readonly type: 'RecordKingdeeFindings';
  readonly runId: string;
  readonly drift: readonly KingdeeFieldDrift[];
  readonly missing: { readonly fStockId: string | null } | null;
}

/** A steward's decision on a reconciliation finding; `accepted` are the golden values taken from Kingdee. */
export interface ResolveKingdeeFinding {
  readonly type: 'ResolveKingdeeFinding';
  readonly taskId: string;
  readonly action: 'push' | 'accept' | 'recreate' | 'retire';
  readonly accepted?: readonly { readonly field: string; readonly value: unknown }[];
  readonly reason?: string;
}

export interface AdoptKingdeeRecord {
  readonly type: 'AdoptKingdeeRecord';
  readonly fStockId: string;
  readonly fNumber: string;
  readonly reason: string;
}

export type WarehouseCommand =
  | RecordWdtObservation
  | OverrideField
  | RemoveOverride
  | ResolveDuplicate
  | RecordKingdeeSyncResult
  | RetireGoldenRecord
  | RestoreGoldenRecord
  | RequestKingdeeResync
  | FlagMissingInWdt
  | RecordKingdeeFindings
  | ResolveKingdeeFinding
  | AdoptKingdeeRecord;
