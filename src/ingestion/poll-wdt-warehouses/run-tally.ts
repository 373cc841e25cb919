import { codeOf } from '../../shared/domain/warehouse-code';
import { ObservationOutcome } from '../../contracts/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../contracts/wdt-warehouse';
import { SyncCounts, ZERO_COUNTS } from './sync-run';

/**
 * What one sync run has seen and recorded so far (pure bookkeeping). A warehouse is handed to the
 * recorder once per run — again only if WDT sends different content for it later in the same run —
 * so re-read pages (rows sliding across page boundaries, re-pulls) never produce duplicate observations.
 * Warehouses are told apart by their code (warehouse-code.ts), as the recorder and the flags do.
 */
export class RunTally {
  private readonly recorded = new Map<string, string>();
  /** Code → warehouse_no as WDT spelled it last (what a look-up by warehouse_no must send). */
  private readonly seenNos = new Map<string, string>();
  /** The codes of seenNos, kept as a set: callers ask `seen.has` per code (a copy per call made that quadratic). */
  private readonly seenCodes = new Set<string>();
  private counts: { -readonly [K in keyof SyncCounts]: SyncCounts[K] } = { ...ZERO_COUNTS };

  /** The rows of a page still to record; marks every row seen. */
  fresh(warehouses: readonly WdtWarehouse[]): WdtWarehouse[] {
    const batch = new Map<string, WdtWarehouse>();
    for (const warehouse of warehouses) {
      const code = codeOf(warehouse.warehouseNo);
      this.seenNos.set(code, warehouse.warehouseNo);
      this.seenCodes.add(code);
      if (this.recorded.get(code) !== fingerprint(warehouse)) batch.set(code, warehouse);
    }
    return [...batch.values()];
  }

  /** After the recorder accepted `warehouses`. */
  markRecorded(warehouses: readonly WdtWarehouse[], outcomes: readonly ObservationOutcome[]): void {
    for (const warehouse of warehouses) this.recorded.set(codeOf(warehouse.warehouseNo), fingerprint(warehouse));
    for (const outcome of outcomes) this.counts[outcome.outcome] += 1;
  }

  addPage(): void {
    this.counts.pages += 1;
  }

  addPass(): void {
    this.counts.passes += 1;
  }

  addFailed(rows: number): void {
    this.counts.failed += rows;
  }

  setMissing(count: number): void {
    this.counts.missing = count;
  }

  /** The codes seen in this run. */
  get seen(): ReadonlySet<string> {
    return this.seenCodes;
  }

  /** Code → the warehouse_no WDT sent for it. */
  get spellings(): ReadonlyMap<string, string> {
    return this.seenNos;
  }

  summary(): SyncCounts {
    return { ...this.counts, seen: this.seenNos.size };
  }
}

function fingerprint(warehouse: WdtWarehouse): string {
  return JSON.stringify(warehouse.raw);
}
