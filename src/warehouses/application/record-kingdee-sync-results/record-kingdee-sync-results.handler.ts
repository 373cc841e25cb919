import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../../../event-store/command-pipeline';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { batchCommand } from '../batch-decision';
import { RecordKingdeeSyncResultsCommand } from '../commands';
import { WarehouseStreams } from '../warehouse-streams';

/**
 * RecordKingdeeSyncResult for a batch from the sink. Results for versions already synced record
 * nothing (at-least-once delivery); results for unknown golden ids are dropped, since no record
 * can hold them. A conflict re-reads only the records another writer moved.
 */
@CommandHandler(RecordKingdeeSyncResultsCommand)
export class RecordKingdeeSyncResultsHandler implements ICommandHandler<RecordKingdeeSyncResultsCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: WarehouseStreams,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {}

  async execute({ items }: RecordKingdeeSyncResultsCommand): Promise<void> {
    if (items.length === 0) return;
    await this.pipeline.run(batchCommand(this.streams, this.decider, items));
  }
}
