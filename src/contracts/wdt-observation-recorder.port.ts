import { WdtWarehouse } from './wdt-warehouse';

/** Who ran the sync and why: becomes the events' metadata. */
export interface ObservationContext {
  readonly syncRunId: string;
  readonly observedAt: Date;
  readonly correlationId: string;
  readonly actor: string;
}

export interface ObservationOutcome {
  readonly warehouseNo: string;
  readonly goldenId: string;
  readonly outcome: 'created' | 'changed' | 'unchanged';
  /** Source fields (snake_case, as WDT names them) whose value changed; empty when unchanged. */
  readonly changedFields: readonly string[];
}

/**
 * The port ingestion calls to turn WDT observations into events. Implemented by the warehouses
 * feature (RecordWdtObservation through the warehouses decider). Unchanged content appends nothing.
 */
export interface WdtObservationRecorder {
  recordObservations(observations: readonly WdtWarehouse[], context: ObservationContext): Promise<ObservationOutcome[]>;
  /**
   * Called only after a pull is known to be complete: flags every active WDT-sourced warehouse whose
   * warehouse_no is not in `seen` (WarehouseMissingInWdt); never deletes. Returns the flagged warehouse_nos.
   */
  flagMissing(seen: ReadonlySet<string>, context: ObservationContext): Promise<string[]>;
  /**
   * What flagMissing would flag now, without flagging (the codes of WDT warehouses not in `seen` and
   * not flagged already), and how many WDT warehouse codes are known.
   */
  previewMissing(seen: ReadonlySet<string>): Promise<MissingPreview>;
  /** Records whether this run's listing was believed (see WdtListingCheck); opens or closes the steward's task. */
  reportListingCheck(check: WdtListingCheck, context: ObservationContext): Promise<void>;
}

export interface MissingPreview {
  readonly codes: readonly string[];
  readonly known: number;
}

/**
 * `truncated`: a complete-looking listing would flag more than the allowed share of the known
 * warehouses, so nothing was flagged and a steward is asked to look. `trusted`: flags went ahead.
 */
export type WdtListingCheck =
  | {
      readonly outcome: 'truncated';
      readonly wouldFlag: number;
      readonly known: number;
      readonly maxShare: number;
      readonly sample: readonly string[];
    }
  | { readonly outcome: 'trusted' };

export const WDT_OBSERVATION_RECORDER = Symbol('WdtObservationRecorder');
