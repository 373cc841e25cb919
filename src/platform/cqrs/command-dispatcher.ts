import { Command, ICommandHandler } from '@nestjs/cqrs';

/** What dispatches a command: Nest's CommandBus in the app, a LocalCommandBus where no Nest container runs. */
export interface CommandDispatcher {
  execute<R>(command: Command<R>): Promise<R>;
}

/** The key @CommandHandler(…) stores the handled command class under (@nestjs/cqrs keeps its constants internal). */
const COMMAND_HANDLER_METADATA = '__commandHandler__';

/**
 * Dispatches to @CommandHandler instances built by hand (tests, benches, the plain factories): the
 * same handlers and command classes as the Nest CommandBus, routed by the same decorator metadata.
 */
export class LocalCommandBus implements CommandDispatcher {
  private readonly handlers = new Map<unknown, ICommandHandler>();

  register(...handlers: ICommandHandler[]): this {
    for (const handler of handlers) {
      const command: unknown = Reflect.getMetadata(COMMAND_HANDLER_METADATA, handler.constructor);
      if (!command) throw new Error(`${handler.constructor.name} is not a @CommandHandler`);
      this.handlers.set(command, handler);
    }
    return this;
  }

  execute<R>(command: Command<R>): Promise<R> {
    const handler = this.handlers.get(command.constructor);
    if (!handler) return Promise.reject(new Error(`no handler registered for ${command.constructor.name}`));
    return handler.execute(command) as Promise<R>;
  }
}
