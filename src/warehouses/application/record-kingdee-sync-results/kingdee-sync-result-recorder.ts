import { EventStore } from '../../../event-store/event-store';
import { SqlExecutor } from '../../../event-store/stored-event';
import { CommandDispatcher } from '../../../platform/cqrs/command-dispatcher';
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
import { RecordKingdeeSyncResultsCommand } from '../commands';
import { commandMetadata } from '../metadata';

export const KINGDEE_SINK_ACTOR = 'kingdee-sink';

/**
 * The sink's recorder port: its outcomes become RecordKingdeeSyncResultsCommands on the bus.
 * syncState is the kept fold of each record plus the events since (currentSummaries), so it is exact
 * even while read models lag: the sink must never miss an FStockId it has just been told about.
 */
export class WarehousesKingdeeSyncResultRecorder implements KingdeeSyncResultRecorder {
  constructor(
    private readonly bus: CommandDispatcher,
    private readonly db: SqlExecutor,
    private readonly store: EventStore,
  ) {}

  recordSuccess(results: readonly KingdeeSyncSuccess[]): Promise<void> {
    return this.bus.execute(
      new RecordKingdeeSyncResultsCommand(
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
      ),
    );
  }

  recordFailure(failures: readonly KingdeeSyncFailure[]): Promise<void> {
    return this.bus.execute(
      new RecordKingdeeSyncResultsCommand(
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
      ),
    );
  }

  recordRetirement(results: readonly KingdeeRetirementResult[]): Promise<void> {
    return this.bus.execute(
      new RecordKingdeeSyncResultsCommand(
        results.map((r) => ({
          goldenId: r.goldenId,
          metadata: commandMetadata(KINGDEE_SINK_ACTOR, { now: r.at, correlationId: r.correlationId }),
          command: (r.outcome === 'forbidden'
            ? { type: 'RecordKingdeeSyncResult', outcome: 'forbidden', version: r.version, fStockId: r.fStockId, fNumber: r.fNumber }
            : { type: 'RecordKingdeeSyncResult', outcome: 'not-in-kingdee', version: r.version }) satisfies RecordKingdeeSyncResult,
        })),
      ),
    );
  }

  async syncState(goldenIds: readonly string[]): Promise<Map<string, KingdeeSyncState>> {
    const summaries = await currentSummaries(this.store, this.db, goldenIds);
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
}
