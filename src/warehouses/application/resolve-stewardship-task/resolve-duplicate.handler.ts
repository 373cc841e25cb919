import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, streamConflicts } from '../../../event-store/command-pipeline';
import { ResolveDuplicate } from '../../domain/commands';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { BatchItem, decideBatch } from '../batch-decision';
import { ResolveDuplicateCommand } from '../commands';
import { SourceKeyReservations } from '../source-key-reservations';
import { evolve } from '../../domain/evolve';
import { goldenIdOfOrSelf } from '../stream-command-runner';
import { WarehouseStreams } from '../warehouse-streams';

/**
 * Decides the resolution on both records of the pair and appends both in one transaction. A merge
 * also re-points the merged record's source keys to the survivor, so the next WDT pull updates the
 * survivor instead of resurrecting the retired record. Each side's decision reads the other's state,
 * so a conflict on one re-reads that one and decides both again.
 */
@CommandHandler(ResolveDuplicateCommand)
export class ResolveDuplicateHandler implements ICommandHandler<ResolveDuplicateCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: WarehouseStreams,
    private readonly reservations: SourceKeyReservations,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {}

  /** Returns the new record version (ETag) of each record. */
  execute({ request, meta }: ResolveDuplicateCommand): Promise<Record<string, number>> {
    const { goldenId, otherGoldenId } = request;
    return this.pipeline.run({
      keys: [goldenId, otherGoldenId],
      load: (ids) => this.streams.load(ids),
      conflicts: (error) => streamConflicts(error, goldenIdOfOrSelf),
      decide: (streams) => {
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
        const mergedAway = request.survivorId === goldenId ? otherGoldenId : goldenId;
        return {
          appends: batch.appends,
          writes: async (tx) => {
            if (request.action === 'merge') await this.reservations.repoint(mergedAway, request.survivorId!, tx);
          },
          result: Object.fromEntries(
            [goldenId, otherGoldenId].map((id, i) => [id, batch.decided[i]!.reduce(evolve, streams.get(id)!.state).recordVersion]),
          ),
        };
      },
    });
  }
}
