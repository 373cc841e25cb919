import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DisableSchemeCommand, EnableSchemeCommand, MappingRecorded, RecordSchemeMappingCommand } from './scheme-commands';
import { SchemeRuntimeState } from './scheme-events';
import { SchemeState } from './scheme-state';

@CommandHandler(EnableSchemeCommand)
export class EnableSchemeHandler implements ICommandHandler<EnableSchemeCommand> {
  constructor(private readonly state: SchemeState) {}

  execute({ name, actor, reason }: EnableSchemeCommand): Promise<SchemeRuntimeState> {
    return this.state.enable(name, actor, reason);
  }
}

@CommandHandler(DisableSchemeCommand)
export class DisableSchemeHandler implements ICommandHandler<DisableSchemeCommand> {
  constructor(private readonly state: SchemeState) {}

  execute({ name, actor, reason }: DisableSchemeCommand): Promise<SchemeRuntimeState> {
    return this.state.disable(name, actor, reason);
  }
}

@CommandHandler(RecordSchemeMappingCommand)
export class RecordSchemeMappingHandler implements ICommandHandler<RecordSchemeMappingCommand> {
  constructor(private readonly state: SchemeState) {}

  execute({ scheme, actor }: RecordSchemeMappingCommand): Promise<MappingRecorded> {
    return this.state.recordMapping(scheme, actor);
  }
}
