import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { KingdeeFindingTask } from '../../domain/state';
import { AdoptKingdeeRecordCommand, RecordKingdeeFindingsCommand, ResolveKingdeeFindingCommand } from '../commands';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';
import { WarehouseStreams } from '../warehouse-streams';

/** Records a reconciliation run's findings on a golden record (opening or closing its tasks). */
@CommandHandler(RecordKingdeeFindingsCommand)
export class RecordKingdeeFindingsHandler implements ICommandHandler<RecordKingdeeFindingsCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ goldenId, findings, meta }: RecordKingdeeFindingsCommand): Promise<CommandResult> {
    return this.runner.run(goldenId, { type: 'RecordKingdeeFindings', ...findings }, meta);
  }
}

/** Carries out a steward's decision on a reconciliation task. */
@CommandHandler(ResolveKingdeeFindingCommand)
export class ResolveKingdeeFindingHandler implements ICommandHandler<ResolveKingdeeFindingCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ goldenId, decision, meta }: ResolveKingdeeFindingCommand): Promise<CommandResult> {
    return this.runner.run(goldenId, { type: 'ResolveKingdeeFinding', ...decision }, meta);
  }
}

/** Adopts a Kingdee record found without a golden record. */
@CommandHandler(AdoptKingdeeRecordCommand)
export class AdoptKingdeeRecordHandler implements ICommandHandler<AdoptKingdeeRecordCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ goldenId, adoption, meta }: AdoptKingdeeRecordCommand): Promise<CommandResult> {
    return this.runner.run(goldenId, { type: 'AdoptKingdeeRecord', ...adoption }, meta);
  }
}

/** Reconciliation tasks as the records' streams have them (folded, so never behind a read model). */
export class KingdeeFindingsReader {
  constructor(private readonly streams: WarehouseStreams) {}

  /** One reconciliation task (undefined when the record has no such task). */
  async task(goldenId: string, taskId: string): Promise<KingdeeFindingTask | undefined> {
    return (await this.streams.loadOne(goldenId)).state.kingdeeFindings[taskId];
  }

  /** Golden ids with an open reconciliation task. */
  async openTasks(goldenIds: readonly string[]): Promise<Map<string, KingdeeFindingTask[]>> {
    const streams = await this.streams.load(goldenIds);
    const open = new Map<string, KingdeeFindingTask[]>();
    for (const [goldenId, { state }] of streams) {
      const tasks = Object.values(state.kingdeeFindings).filter((t) => t.open);
      if (tasks.length > 0) open.set(goldenId, tasks);
    }
    return open;
  }
}
