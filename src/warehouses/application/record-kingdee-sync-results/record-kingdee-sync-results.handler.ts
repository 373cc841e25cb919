import { DataSource } from 'typeorm';
import { ConcurrencyError, EventStore } from '../../../event-store/event-store';
import {
  KingdeeRetirementResult,
  KingdeeSyncFailure,
  KingdeeSyncResultRecorder,
  KingdeeSyncState,
  KingdeeSyncSuccess,
} from '../../../contracts/kingdee-sync-result-recorder.port';
import { RecordKingdeeSyncResult } from '../../domain/commands';
import { exists } from '../../domain/state';
import { currentSummaries } from '../../projections/golden-state';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { BatchItem, decideBatch } from '../batch-decision';
import { commandMetadata } from '../metadata';
import { MAX_ATTEMPTS } from '../stream-command-runner';
import { WarehouseStreams } from '../warehouse-streams';

export const KINGDEE_SINK_ACTOR = 'kingdee-sink';

/**
 * RecordKingdeeSyncResult for a batch from the sink. Results for versions already synced record
 * nothing (at-least-once delivery); results for unknown golden ids are dropped, since no record
 * can hold them. syncState is the kept fold of each record plus the events since (currentSummaries),
 * so it is exact even while read models lag: the sink must never miss an FStockId it has just been
 * told about.
 */
export class RecordKingdeeSyncResultsHandler implements KingdeeSyncResultRecorder {
  private readonly streams: WarehouseStreams;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {
    this.streams = new WarehouseStreams(dataSource);
  }

  recordSuccess(results: readonly KingdeeSyncSuccess[]): Promise<void> {
    return this.record(
      results.map((r) => ({
        goldenId: r.goldenId,
        metadata: commandMetadata(KINGDEE_SINK_ACTOR, { now: r.at, correlationId: r.correlationId }),
        command: {
          type: 'RecordKingdeeSyncResult',
          outcome: 'success',
          version: r.version,
          fStockId: r.fStockId,
          fNumber: r.fNumber,
          operation: r.operation,
        } satisfies RecordKingdeeSyncResult,
      })),
    );
  }

  recordFailure(failures: readonly KingdeeSyncFailure[]): Promise<void> {
    return this.record(
      failures.map((f) => ({
        goldenId: f.goldenId,
        metadata: commandMetadata(KINGDEE_SINK_ACTOR, { now: f.at, correlationId: f.correlationId }),
        command: {
          type: 'RecordKingdeeSyncResult',
          outcome: 'failure',
          version: f.version,
          code: f.code,
          message: f.message,
        } satisfies RecordKingdeeSyncResult,
      })),
    );
  }

  recordRetirement(results: readonly KingdeeRetirementResult[]): Promise<void> {
    return this.record(
      results.map((r) => ({
        goldenId: r.goldenId,
        metadata: commandMetadata(KINGDEE_SINK_ACTOR, { now: r.at, correlationId: r.correlationId }),
        command: (r.outcome === 'forbidden'
          ? { type: 'RecordKingdeeSyncResult', outcome: 'forbidden', version: r.version, fStockId: r.fStockId, fNumber: r.fNumber }
          : { type: 'RecordKingdeeSyncResult', outcome: 'not-in-kingdee', version: r.version }) satisfies RecordKingdeeSyncResult,
      })),
    );
  }

  async syncState(goldenIds: readonly string[]): Promise<Map<string, KingdeeSyncState>> {
    const summaries = await currentSummaries(this.dataSource, goldenIds);
    const states = [...summaries].filter(([, s]) => exists(s.state));
    return new Map(
      states.map(([goldenId, { state }]) => [
        goldenId,
        {
          syncedVersion: state.kingdee.syncedVersion,
          fStockId: state.kingdee.fStockId,
          fNumber: state.kingdee.fNumber,
          forbidden: state.kingdee.retirement === 'forbidden',
        },
      ]),
    );
  }

  private async record(items: readonly BatchItem[]): Promise<void> {
    if (items.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      const streams = await this.streams.load(items.map((i) => i.goldenId));
      const batch = decideBatch(this.decider, streams, items);
      try {
        await this.store.appendMany(batch.appends);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
