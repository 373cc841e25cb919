import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequestKingdeeResyncCommand } from '../commands';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/**
 * Makes a new version of a golden record with no field changes, so the publisher republishes it
 * and the Kingdee sink writes it again (a stewardship retry, or `mdm resync kingdee`).
 */
@CommandHandler(RequestKingdeeResyncCommand)
export class RequestKingdeeResyncHandler implements ICommandHandler<RequestKingdeeResyncCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ request, meta }: RequestKingdeeResyncCommand): Promise<CommandResult> {
    return this.runner.run(request.goldenId, { type: 'RequestKingdeeResync', reason: request.reason, taskId: request.taskId }, meta);
  }
}
