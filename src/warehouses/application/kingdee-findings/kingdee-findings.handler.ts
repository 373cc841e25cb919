import { CommandMetadata } from '../../../shared/domain/decider';
import { AdoptKingdeeRecord, RecordKingdeeFindings, ResolveKingdeeFinding } from '../../domain/commands';
import { KingdeeFindingTask } from '../../domain/state';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';
import { WarehouseStreams } from '../warehouse-streams';

type Without<T> = Omit<T, 'type'>;

/**
 * The warehouses side of reconciliation with Kingdee: record a run's findings on a golden record
 * (opening or closing its tasks), carry out a steward's decision, adopt a Kingdee record.
 */
export class KingdeeFindingsHandler {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly streams: WarehouseStreams,
  ) {}

  record(goldenId: string, findings: Without<RecordKingdeeFindings>, meta: CommandMetadata): Promise<CommandResult> {
    return this.runner.run(goldenId, { type: 'RecordKingdeeFindings', ...findings }, meta);
  }

  resolve(goldenId: string, decision: Without<ResolveKingdeeFinding>, meta: CommandMetadata): Promise<CommandResult> {
    return this.runner.run(goldenId, { type: 'ResolveKingdeeFinding', ...decision }, meta);
  }

  adopt(goldenId: string, adoption: Without<AdoptKingdeeRecord>, meta: CommandMetadata): Promise<CommandResult> {
    return this.runner.run(goldenId, { type: 'AdoptKingdeeRecord', ...adoption }, meta);
  }

  /** One reconciliation task as the record's stream has it (undefined when the record has no such task). */
  async task(goldenId: string, taskId: string): Promise<KingdeeFindingTask | undefined> {
    return (await this.streams.loadOne(goldenId)).state.kingdeeFindings[taskId];
  }

  /** Golden ids with an open reconciliation task (folded from their streams, so never behind a read model). */
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
