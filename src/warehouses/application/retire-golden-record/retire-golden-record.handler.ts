import { CommandMetadata } from '../../../shared/domain/decider';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

/** Withdraws a golden record for good (its id is never reused); it is published as retired. */
export class RetireGoldenRecordHandler {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute(request: { goldenId: string; reason: string; ifMatch?: number }, meta: CommandMetadata): Promise<CommandResult> {
    return this.runner.run(request.goldenId, { type: 'RetireGoldenRecord', reason: request.reason }, meta, request.ifMatch);
  }
}
