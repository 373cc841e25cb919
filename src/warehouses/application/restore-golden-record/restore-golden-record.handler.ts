import { CommandMetadata } from '../../../shared/domain/decider';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/** Takes a retired golden record back into use; it is published again and the sink enables its BD_STOCK. */
export class RestoreGoldenRecordHandler {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute(request: { goldenId: string; reason: string; ifMatch?: number }, meta: CommandMetadata): Promise<CommandResult> {
    return this.runner.run(request.goldenId, { type: 'RestoreGoldenRecord', reason: request.reason }, meta, request.ifMatch);
  }
}
