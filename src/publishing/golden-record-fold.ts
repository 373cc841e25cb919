import { GoldenChange, GoldenWarehouseRecord } from '../contracts/golden-record-changed.v1';

/**
 * What the publisher needs from the warehouses domain to turn its events into public messages:
 * how to fold a golden-record stream, and which events change the published record.
 */
export interface GoldenRecordFold<TState = unknown> {
  isGoldenStream(streamId: string): boolean;
  initialState(): TState;
  evolve(state: TState, event: { readonly type: string; readonly data: unknown }): TState;
  /** null for events that leave the published record as it was (e.g. a Kingdee sync result). */
  goldenChangeOf(
    event: { readonly type: string; readonly data: unknown },
    before: TState,
    after: TState,
  ): { readonly change: GoldenChange; readonly changedFields: readonly (keyof GoldenWarehouseRecord)[] } | null;
  goldenId(state: TState): string;
  publishedRecord(state: TState): GoldenWarehouseRecord;
  /** Raw fields of the newest WDT observation. */
  wdtSource(state: TState): Readonly<Record<string, unknown>> | undefined;
}

export const GOLDEN_RECORD_FOLD = Symbol('GoldenRecordFold');
