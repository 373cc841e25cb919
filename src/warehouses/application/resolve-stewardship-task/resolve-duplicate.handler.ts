import { DataSource } from 'typeorm';
import { ConcurrencyError, EventStore } from '../../../event-store/event-store';
import { CommandMetadata } from '../../../shared/domain/decider';
import { ResolveDuplicate } from '../../domain/commands';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { BatchItem, decideBatch } from '../batch-decision';
import { SourceKeyReservations } from '../source-key-reservations';
import { evolve } from '../../domain/evolve';
import { MAX_ATTEMPTS } from '../stream-command-runner';
import { WarehouseStreams } from '../warehouse-streams';

export interface ResolveDuplicateRequest {
  readonly taskId: string;
  readonly goldenId: string;
  readonly otherGoldenId: string;
  readonly action: 'merge' | 'dismiss';
  readonly survivorId?: string;
  readonly reason?: string;
}

/**
 * Decides the resolution on both records of the pair and appends both in one transaction. A merge
 * also re-points the merged record's source keys to the survivor, so the next WDT pull updates the
 * survivor instead of resurrecting the retired record.
 */
export class ResolveDuplicateHandler {
  private readonly streams: WarehouseStreams;
  private readonly reservations: SourceKeyReservations;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {
    this.streams = new WarehouseStreams(dataSource);
    this.reservations = new SourceKeyReservations(dataSource);
  }

  async execute(request: ResolveDuplicateRequest, meta: CommandMetadata): Promise<Record<string, number>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(request, meta);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Returns the new record version (ETag) of each record. */
  private async attempt(request: ResolveDuplicateRequest, meta: CommandMetadata): Promise<Record<string, number>> {
    const { goldenId, otherGoldenId } = request;
    const streams = await this.streams.load([goldenId, otherGoldenId]);
    const command = (otherId: string): ResolveDuplicate => ({
      type: 'ResolveDuplicate',
      taskId: request.taskId,
      action: request.action,
      survivorId: request.survivorId,
      reason: request.reason,
      other: streams.get(otherId)!.state,
    });
    const items: BatchItem[] = [
      { goldenId, command: command(otherGoldenId), metadata: meta },
      { goldenId: otherGoldenId, command: command(goldenId), metadata: meta },
    ];
    const batch = decideBatch(this.decider, streams, items);
    const [refusal] = batch.refused.values();
    if (refusal) throw refusal;
    await this.dataSource.transaction(async (tx) => {
      await this.store.appendMany(batch.appends, tx);
      if (request.action === 'merge') await this.reservations.repoint(mergedAway(request), request.survivorId!, tx);
    });
    this.store.notifyAppended();
    return Object.fromEntries(
      [goldenId, otherGoldenId].map((id, i) => [id, batch.decided[i]!.reduce(evolve, streams.get(id)!.state).recordVersion]),
    );
  }
}

const mergedAway = (r: ResolveDuplicateRequest): string => (r.survivorId === r.goldenId ? r.otherGoldenId : r.goldenId);
