import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OverrideFieldCommand } from '../commands';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/** A steward pins a field's value; it wins over every source until removed. */
@CommandHandler(OverrideFieldCommand)
export class OverrideFieldHandler implements ICommandHandler<OverrideFieldCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ request, meta }: OverrideFieldCommand): Promise<CommandResult> {
    const { goldenId, field, value, reason, ifMatch } = request;
    return this.runner.run(goldenId, { type: 'OverrideField', field, value, reason }, meta, ifMatch);
  }
}
