import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RetireGoldenRecordCommand } from '../commands';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/** Withdraws a golden record for good (its id is never reused); it is published as retired. */
@CommandHandler(RetireGoldenRecordCommand)
export class RetireGoldenRecordHandler implements ICommandHandler<RetireGoldenRecordCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ request, meta }: RetireGoldenRecordCommand): Promise<CommandResult> {
    return this.runner.run(request.goldenId, { type: 'RetireGoldenRecord', reason: request.reason }, meta, request.ifMatch);
  }
}
