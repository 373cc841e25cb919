import { PipelineCommand, streamConflicts } from '../../event-store/command-pipeline';
import { StreamAppend } from '../../event-store/event-store';
import { CommandMetadata } from '../../shared/domain/decider';
import { DomainError } from '../../shared/domain/domain-error';
import { WarehouseCommand } from '../domain/commands';
import { WarehouseEvent, streamIdOf } from '../domain/events';
import { evolve } from '../domain/evolve';
import { WarehouseState } from '../domain/state';
import { WarehouseDecider } from '../domain/warehouse-decider';
import { goldenIdOfOrSelf } from './stream-command-runner';
import { LoadedStream, WarehouseStreams } from './warehouse-streams';
import { eventMetadata } from './metadata';

export interface BatchItem {
  readonly goldenId: string;
  readonly command: WarehouseCommand;
  readonly metadata: CommandMetadata;
}

export interface BatchOutcome {
  readonly appends: StreamAppend[];
  /** Events decided per item, in item order (empty = nothing to record). */
  readonly decided: (readonly WarehouseEvent[])[];
  /** Items the domain refused (e.g. unknown golden id), by index. */
  readonly refused: Map<number, DomainError>;
  /** Each item's record as it was decided on (after the batch's earlier items for it), in item order. */
  readonly before: WarehouseState[];
  readonly states: Map<string, WarehouseState>;
}

/**
 * Decides many commands against already-loaded streams: sequentially per stream (so two results
 * for one record see each other), one StreamAppend per stream with its loaded version as the
 * expected version, ready for one `appendMany`.
 */
export function decideBatch(
  decider: WarehouseDecider,
  streams: ReadonlyMap<string, LoadedStream>,
  items: readonly BatchItem[],
  extraMetadata: Record<string, unknown> = {},
): BatchOutcome {
  const states = new Map([...streams.values()].map((s) => [s.goldenId, s.state]));
  const pending = new Map<string, { events: WarehouseEvent[]; metadata: CommandMetadata }>();
  const refused = new Map<number, DomainError>();
  const before: WarehouseState[] = [];
  const decided = items.map((item, index) => {
    before.push(states.get(item.goldenId)!);
    try {
      const events = decider.decide(item.command, states.get(item.goldenId)!, item.metadata);
      states.set(item.goldenId, events.reduce(evolve, states.get(item.goldenId)!));
      const entry = pending.get(item.goldenId) ?? { events: [], metadata: item.metadata };
      entry.events.push(...events);
      pending.set(item.goldenId, entry);
      return events;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.set(index, error);
      return [];
    }
  });
  const appends = [...pending]
    .filter(([, p]) => p.events.length > 0)
    .map(([goldenId, p]) => ({
      streamId: streamIdOf(goldenId),
      expectedVersion: streams.get(goldenId)?.version ?? 0,
      events: p.events.map((e) => ({ type: e.type, data: e.data })),
      metadata: eventMetadata(p.metadata, extraMetadata),
    }));
  return { appends, decided, refused, before, states };
}

/** A batch of commands on golden records as one pipeline command (keys: golden ids; a conflict re-reads only the streams that moved). */
export function batchCommand(
  streams: WarehouseStreams,
  decider: WarehouseDecider,
  items: readonly BatchItem[],
  extraMetadata: Record<string, unknown> = {},
): PipelineCommand<LoadedStream, BatchOutcome> {
  return {
    keys: [...new Set(items.map((i) => i.goldenId))],
    load: (ids) => streams.load(ids),
    conflicts: (error) => streamConflicts(error, goldenIdOfOrSelf),
    decide: (loaded) => {
      const batch = decideBatch(decider, loaded, items, extraMetadata);
      return { appends: batch.appends, result: batch };
    },
  };
}
