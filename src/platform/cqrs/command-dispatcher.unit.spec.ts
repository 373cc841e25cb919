import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LocalCommandBus } from './command-dispatcher';

class Double extends Command<number> {
  constructor(readonly n: number) {
    super();
  }
}
class Unhandled extends Command<void> {}

@CommandHandler(Double)
class DoubleHandler implements ICommandHandler<Double> {
  execute({ n }: Double): Promise<number> {
    return Promise.resolve(n * 2);
  }
}

describe('LocalCommandBus', () => {
  it('routes a command to the handler its @CommandHandler names', async () => {
    const bus = new LocalCommandBus().register(new DoubleHandler());
    assert.equal(await bus.execute(new Double(21)), 42);
  });

  it('refuses a class that is not a command handler, and a command nobody handles', async () => {
    assert.throws(() => new LocalCommandBus().register({ execute: async () => undefined }), /is not a @CommandHandler/);
    await assert.rejects(new LocalCommandBus().execute(new Unhandled()), /no handler registered for Unhandled/);
  });
});
