import { CommandPipeline, streamConflicts } from '../../event-store/command-pipeline';
import { ConcurrencyError } from '../../event-store/event-store';
import { CommandMetadata } from '../../shared/domain/decider';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { WarehouseCommand } from '../domain/commands';
import { WarehouseEvent, goldenIdOfStream, streamIdOf } from '../domain/events';
import { evolve } from '../domain/evolve';
import { WarehouseState } from '../domain/state';
import { WarehouseDecider, warehouseDecider } from '../domain/warehouse-decider';
import { eventMetadata } from './metadata';
import { LoadedStream, WarehouseStreams } from './warehouse-streams';

export interface CommandResult {
  readonly goldenId: string;
  readonly events: readonly WarehouseEvent[];
  /** The stream version after the command (what the next append expects). */
  readonly version: number;
  /** The record version after the command: the ETag (sink bookkeeping does not count, see record-version). */
  readonly recordVersion: number;
  readonly state: WarehouseState;
}

/**
 * A command on one golden record, through the command pipeline (load → decide → append, retried
 * with backoff on a conflict). `ifMatch` (a steward's If-Match) is compared with the record version,
 * not the stream version: a Kingdee result appended between the steward's read and save moves the
 * stream but not the record, so the save goes through (re-read and decided again); a change of the
 * record itself is the caller's to resolve, so it fails with `version_mismatch`.
 */
export class StreamCommandRunner {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: WarehouseStreams,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {}

  async run(goldenId: string, command: WarehouseCommand, meta: CommandMetadata, ifMatch?: number): Promise<CommandResult> {
    try {
      return await this.attempt(goldenId, command, meta, ifMatch);
    } catch (error) {
      // Still conflicting after the pipeline's retries: with If-Match the steward reloads.
      if (ifMatch !== undefined && error instanceof ConcurrencyError) throw versionMismatch(goldenId, ifMatch, -1);
      throw error;
    }
  }

  private attempt(goldenId: string, command: WarehouseCommand, meta: CommandMetadata, ifMatch?: number): Promise<CommandResult> {
    return this.pipeline.run({
      keys: [goldenId],
      load: (ids) => this.streams.load(ids),
      conflicts: (error) => streamConflicts(error, goldenIdOfOrSelf),
      decide: (loaded) => {
        const { state, version } = loaded.get(goldenId) as LoadedStream;
        if (version === 0) throw new DomainError(ErrorCode.notFound, `no golden record ${goldenId}`);
        if (ifMatch !== undefined && ifMatch !== state.recordVersion) {
          // A bad request is a 400 whatever version it names: the caller must fix the body before a reload helps.
          throw this.validationError(command, state, meta) ?? versionMismatch(goldenId, ifMatch, state.recordVersion);
        }
        const events = this.decider.decide(command, state, meta);
        const after = events.reduce(evolve, state);
        return {
          appends: [
            { streamId: streamIdOf(goldenId), expectedVersion: version, events: events.map(toNewEvent), metadata: eventMetadata(meta) },
          ],
          result: { goldenId, events, version: version + events.length, recordVersion: after.recordVersion, state: after },
        };
      },
    });
  }

  private validationError(command: WarehouseCommand, state: WarehouseState, meta: CommandMetadata): DomainError | undefined {
    try {
      this.decider.decide(command, state, meta);
      return undefined;
    } catch (error) {
      return error instanceof DomainError && error.code === ErrorCode.validation ? error : undefined;
    }
  }
}

const toNewEvent = (e: WarehouseEvent) => ({ type: e.type, data: e.data });
/** A golden-record stream's id as the pipeline's key (the golden id). */
export const goldenIdOfOrSelf = (streamId: string): string => goldenIdOfStream(streamId) ?? streamId;

export function versionMismatch(goldenId: string, expected: number, actual: number): DomainError {
  const now = actual >= 0 ? ` it is at version ${actual}` : ' it changed meanwhile';
  return new DomainError(
    ErrorCode.versionMismatch,
    `golden record ${goldenId} is not at version ${expected} (If-Match):${now}; reload and retry`,
    { expected, actual: actual >= 0 ? actual : undefined },
  );
}
