import type { SkippedMessage } from './batch-plan';
import type { KingdeeRetirementResult, KingdeeSyncResultRecorder, KingdeeSyncState } from '../contracts/kingdee-sync-result-recorder.port';
import { correlationOf } from './sink-outcome-recorder';
import type { SinkMessage } from './sink-messages';
import { switchStocks, type SwitchOptions } from './sink-retirements';
import type { SinkFailure } from './sink-writer';

export interface RetirementStepOptions extends SwitchOptions {
  readonly recorder: Pick<KingdeeSyncResultRecorder, 'recordRetirement'>;
  readonly now: () => Date;
}

export interface RetireResult {
  readonly forbidden: number;
  /** Retired records with no BD_STOCK: recorded as not in Kingdee, reported as skipped. */
  readonly absent: readonly SkippedMessage[];
  readonly failed: readonly SinkFailure[];
}

/**
 * How retirement reaches Kingdee. A retired or merged-away record's BD_STOCK is forbidden (禁用),
 * never deleted: stock documents keep pointing at it. A record never written there is recorded as
 * not in Kingdee, so its status does not stay pending. A restored record the hub forbade is enabled
 * (反禁用) before it is written again. Results are recorded at once, as the writer does for saves.
 */
export class RetirementStep {
  constructor(private readonly options: RetirementStepOptions) {}

  async retire(retire: readonly SinkMessage[], states: ReadonlyMap<string, KingdeeSyncState>): Promise<RetireResult> {
    if (retire.length === 0) return { forbidden: 0, absent: [], failed: [] };
    const { done, absent, failed } = await switchStocks('Forbid', retire, states, this.options);
    const at = this.options.now();
    const base = (m: SinkMessage) => ({
      goldenId: m.message.goldenId,
      version: m.message.version,
      at,
      correlationId: correlationOf(m.message),
    });
    const results: KingdeeRetirementResult[] = [
      ...done.map((d) => ({ ...base(d.sink), outcome: 'forbidden' as const, fStockId: d.fStockId, fNumber: d.fNumber })),
      ...absent.map((m) => ({ ...base(m), outcome: 'not-in-kingdee' as const })),
    ];
    if (results.length > 0) await this.options.recorder.recordRetirement(results);
    const skipped = absent.map((m) => ({
      goldenId: m.message.goldenId,
      version: m.message.version,
      reason: 'not-in-kingdee' as const,
      detail: 'retired, and never written to Kingdee: nothing to forbid',
    }));
    return { forbidden: done.length, absent: skipped, failed };
  }

  /** The records to write: restored ones the hub forbade are enabled first; those Kingdee will not enable are left out. */
  async enable(
    write: readonly SinkMessage[],
    states: ReadonlyMap<string, KingdeeSyncState>,
  ): Promise<{ write: readonly SinkMessage[]; failed: readonly SinkFailure[] }> {
    const forbidden = write.filter((m) => states.get(m.message.goldenId)?.forbidden === true);
    if (forbidden.length === 0) return { write, failed: [] };
    const { failed } = await switchStocks('Enable', forbidden, states, this.options);
    const refused = new Set(failed.map((f) => f.sink.message.goldenId));
    return { write: write.filter((m) => !refused.has(m.message.goldenId)), failed };
  }
}
