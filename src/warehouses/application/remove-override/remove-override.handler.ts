import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RemoveOverrideCommand } from '../commands';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/** Removes a steward override: survivorship decides the field from the sources again. */
@CommandHandler(RemoveOverrideCommand)
export class RemoveOverrideHandler implements ICommandHandler<RemoveOverrideCommand> {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute({ request, meta }: RemoveOverrideCommand): Promise<CommandResult> {
    const { goldenId, field, reason, ifMatch } = request;
    return this.runner.run(goldenId, { type: 'RemoveOverride', field, reason }, meta, ifMatch);
  }
}
