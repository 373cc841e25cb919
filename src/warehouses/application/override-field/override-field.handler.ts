import { CommandMetadata } from '../../../shared/domain/decider';
import { CommandResult, StreamCommandRunner } from '../stream-command-runner';

export interface OverrideFieldRequest {
  readonly goldenId: string;
  readonly field: string;
  readonly value: unknown;
  readonly reason: string;
  /** The version the steward saw (If-Match); absent = apply to the current version. */
  readonly ifMatch?: number;
}

/** A steward pins a field's value; it wins over every source until removed. */
export class OverrideFieldHandler {
  constructor(private readonly runner: StreamCommandRunner) {}

  execute(request: OverrideFieldRequest, meta: CommandMetadata): Promise<CommandResult> {
    const { goldenId, field, value, reason, ifMatch } = request;
    return this.runner.run(goldenId, { type: 'OverrideField', field, value, reason }, meta, ifMatch);
  }
}
