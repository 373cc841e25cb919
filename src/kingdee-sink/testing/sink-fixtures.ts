import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { projectRoot } from '../../config/config';
import type { ConsumedMessage } from '../../log/message-log.port';
import type { GoldenRecordChangedV1, GoldenWarehouseRecord } from '../../contracts/golden-record-changed.v1';
import { sampleGoldenMessage } from '../../schemes/golden-message.fixture';
import { toLogMessage } from '../../publishing/golden-record-publisher';
import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { loadSchemeFile } from '../../schemes/scheme-loader';
import type {
  KingdeeRetirementResult,
  KingdeeSyncFailure,
  KingdeeSyncResultRecorder,
  KingdeeSyncState,
  KingdeeSyncSuccess,
} from '../../contracts/kingdee-sync-result-recorder.port';

export const MARKET_TEMPLATE = path.join(projectRoot(), 'schemes', 'wdt-warehouse-to-kingdee-stock.yaml');
export const marketScheme = (): Promise<IntegrationScheme> => loadSchemeFile(MARKET_TEMPLATE);

/** A schema-valid golden message for warehouse `no` (golden id `g-<no>`). */
export function golden(no: string, version = 1, record: Partial<GoldenWarehouseRecord> = {}): GoldenRecordChangedV1 {
  const m = sampleGoldenMessage({ goldenId: `g-${no}`, version, record: { warehouseNo: no, name: `仓库 ${no}`, ...record } });
  return { ...m, eventId: randomUUID(), change: version === 1 ? 'created' : 'updated', correlationId: 'corr-test' };
}

export function consumed(messages: readonly GoldenRecordChangedV1[], topic = 'golden', partition = 0): ConsumedMessage[] {
  return messages.map((m, i) => ({ ...toLogMessage(m), topic, partition, offset: String(i) }));
}

/** The warehouses feature's recorder as far as the sink can tell: sync state by golden id. */
export class MemoryRecorder implements KingdeeSyncResultRecorder {
  readonly successes: KingdeeSyncSuccess[] = [];
  readonly failures: KingdeeSyncFailure[] = [];
  readonly retirements: KingdeeRetirementResult[] = [];
  readonly states = new Map<string, KingdeeSyncState>();

  async recordSuccess(results: readonly KingdeeSyncSuccess[]): Promise<void> {
    for (const r of results) {
      this.successes.push(r);
      const synced = this.states.get(r.goldenId)?.syncedVersion ?? 0;
      if (r.version > synced) this.states.set(r.goldenId, { syncedVersion: r.version, fStockId: r.fStockId, fNumber: r.fNumber });
    }
  }

  async recordRetirement(results: readonly KingdeeRetirementResult[]): Promise<void> {
    for (const r of results) {
      this.retirements.push(r);
      const synced = this.states.get(r.goldenId)?.syncedVersion ?? 0;
      if (r.version <= synced) continue;
      const kingdee = r.outcome === 'forbidden' ? { fStockId: r.fStockId, fNumber: r.fNumber } : { fStockId: null, fNumber: null };
      this.states.set(r.goldenId, { syncedVersion: r.version, ...kingdee, forbidden: r.outcome === 'forbidden' });
    }
  }

  async recordFailure(failures: readonly KingdeeSyncFailure[]): Promise<void> {
    this.failures.push(...failures);
  }

  async syncState(goldenIds: readonly string[]): Promise<Map<string, KingdeeSyncState>> {
    return new Map(goldenIds.flatMap((id) => (this.states.has(id) ? [[id, this.states.get(id)!] as const] : [])));
  }
}

export const silentLogger = { info: () => undefined, warn: () => undefined, debug: () => undefined };
