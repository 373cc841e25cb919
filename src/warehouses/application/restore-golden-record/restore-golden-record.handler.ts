import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RestoreGoldenRecordCommand } from '../commands';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/** Takes a retired golden record back into use; it is published again and the sink enables its BD_STOCK. */
@CommandHandler(RestoreGoldenRecordCommand)
export class RestoreGoldenRecordHandler implements ICommandHandler<RestoreGoldenRecordCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ request, meta }: RestoreGoldenRecordCommand): Promise<CommandResult> {
    return this.runner.run(request.goldenId, { type: 'RestoreGoldenRecord', reason: request.reason }, meta, request.ifMatch);
  }
}
