import { CommandMetadata } from '../../../shared/domain/decider';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

export interface RemoveOverrideRequest {
  readonly goldenId: string;
  readonly field: string;
  readonly reason?: string;
  readonly ifMatch?: number;
}

/** Removes a steward override: survivorship decides the field from the sources again. */
export class RemoveOverrideHandler {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute(request: RemoveOverrideRequest, meta: CommandMetadata): Promise<CommandResult> {
    const { goldenId, field, reason, ifMatch } = request;
    return this.runner.run(goldenId, { type: 'RemoveOverride', field, reason }, meta, ifMatch);
  }
}
