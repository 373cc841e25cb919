import { CommandDispatcher } from '../../../platform/cqrs/command-dispatcher';
import { CommandMetadata } from '../../../shared/domain/decider';
import { AdoptKingdeeRecord, RecordKingdeeFindings, ResolveKingdeeFinding } from '../../domain/commands';
import { KingdeeFindingTask } from '../../domain/state';
import { AdoptKingdeeRecordCommand, RecordKingdeeFindingsCommand, ResolveKingdeeFindingCommand } from '../commands';
import { CommandResult } from '../stream-command-runner';
import { KingdeeFindingsReader } from './kingdee-findings.handler';

type Without<T> = Omit<T, 'type'>;

/**
 * The warehouses side of reconciliation with Kingdee, as reconciliation sees it: its changes are
 * commands on the bus; its reads fold the records' streams.
 */
export class KingdeeFindings {
  constructor(
    private readonly bus: CommandDispatcher,
    private readonly reader: KingdeeFindingsReader,
  ) {}

  record(goldenId: string, findings: Without<RecordKingdeeFindings>, meta: CommandMetadata): Promise<CommandResult> {
    return this.bus.execute(new RecordKingdeeFindingsCommand(goldenId, findings, meta));
  }

  resolve(goldenId: string, decision: Without<ResolveKingdeeFinding>, meta: CommandMetadata): Promise<CommandResult> {
    return this.bus.execute(new ResolveKingdeeFindingCommand(goldenId, decision, meta));
  }

  adopt(goldenId: string, adoption: Without<AdoptKingdeeRecord>, meta: CommandMetadata): Promise<CommandResult> {
    return this.bus.execute(new AdoptKingdeeRecordCommand(goldenId, adoption, meta));
  }

  task(goldenId: string, taskId: string): Promise<KingdeeFindingTask | undefined> {
    return this.reader.task(goldenId, taskId);
  }

  openTasks(goldenIds: readonly string[]): Promise<Map<string, KingdeeFindingTask[]>> {
    return this.reader.openTasks(goldenIds);
  }
}
