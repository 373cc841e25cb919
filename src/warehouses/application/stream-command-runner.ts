import { ConcurrencyError, EventStore } from '../../event-store/event-store';
import { CommandMetadata } from '../../shared/domain/decider';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { WarehouseCommand } from '../domain/commands';
import { WarehouseEvent, streamIdOf } from '../domain/events';
import { evolve } from '../domain/evolve';
import { WarehouseState } from '../domain/state';
import { WarehouseDecider, warehouseDecider } from '../domain/warehouse-decider';
import { SqlExecutor } from '../../event-store/stored-event';
import { eventMetadata } from './metadata';
import { WarehouseStreams } from './warehouse-streams';

export const MAX_ATTEMPTS = 4;

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
 * load → fold → decide → append with the expected stream version; a concurrent writer makes it
 * start over (a few times). `ifMatch` (a steward's If-Match) is compared with the record version,
 * not the stream version: a Kingdee result appended between the steward's read and save moves
 * the stream but not the record, so the save goes through (reloaded and decided again); a change
 * of the record itself is the caller's to resolve, so it fails with `version_mismatch`.
 */
export class StreamCommandRunner {
  private readonly streams: WarehouseStreams;

  constructor(
    db: SqlExecutor,
    private readonly store: EventStore,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {
    this.streams = new WarehouseStreams(db);
  }

  async run(goldenId: string, command: WarehouseCommand, meta: CommandMetadata, ifMatch?: number): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await this.streams.loadOne(goldenId);
      if (version === 0) throw new DomainError(ErrorCode.notFound, `no golden record ${goldenId}`);
      if (ifMatch !== undefined && ifMatch !== state.recordVersion) {
        // A bad request is a 400 whatever version it names: the caller must fix the body before a reload helps.
        throw this.validationError(command, state, meta) ?? versionMismatch(goldenId, ifMatch, state.recordVersion);
      }
      const events = this.decider.decide(command, state, meta);
      if (events.length === 0) return { goldenId, events, version, recordVersion: state.recordVersion, state };
      try {
        await this.store.append(
          streamIdOf(goldenId),
          version,
          events.map((e) => ({ type: e.type, data: e.data })),
          eventMetadata(meta),
        );
        const after = events.reduce(evolve, state);
        return { goldenId, events, version: version + events.length, recordVersion: after.recordVersion, state: after };
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        // Another writer appended meanwhile: the next attempt reloads and checks If-Match again.
        if (attempt >= MAX_ATTEMPTS) throw ifMatch !== undefined ? versionMismatch(goldenId, ifMatch, -1) : error;
      }
    }
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

export function versionMismatch(goldenId: string, expected: number, actual: number): DomainError {
  const now = actual >= 0 ? ` it is at version ${actual}` : ' it changed meanwhile';
  return new DomainError(
    ErrorCode.versionMismatch,
    `golden record ${goldenId} is not at version ${expected} (If-Match):${now}; reload and retry`,
    { expected, actual: actual >= 0 ? actual : undefined },
  );
}
