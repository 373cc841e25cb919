import { CommandMetadata } from '../../../shared/domain/decider';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/**
 * Makes a new version of a golden record with no field changes, so the publisher republishes it
 * and the Kingdee sink writes it again (a stewardship retry, or `mdm resync kingdee`).
 */
export class RequestKingdeeResyncHandler {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute(request: { goldenId: string; reason: string; taskId?: string }, meta: CommandMetadata): Promise<CommandResult> {
    return this.runner.run(request.goldenId, { type: 'RequestKingdeeResync', reason: request.reason, taskId: request.taskId }, meta);
  }
}
