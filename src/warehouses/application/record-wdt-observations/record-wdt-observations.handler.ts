import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, streamConflicts } from '../../../event-store/command-pipeline';
import { ObservationContext, ObservationOutcome } from '../../../contracts/wdt-observation-recorder.port';
import { streamIdOf } from '../../domain/events';
import { MatchProfile } from '../../domain/matching';
import { WDT_SYSTEM } from '../../domain/source-keys';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { decideBatch } from '../batch-decision';
import { RecordWdtObservationsCommand } from '../commands';
import { newGoldenId } from '../golden-ids';
import { MatchCandidates } from '../match-candidates';
import { ReservationConflict, SourceKeyReservations } from '../source-key-reservations';
import { goldenIdOfOrSelf } from '../stream-command-runner';
import { LoadedStream, WarehouseStreams } from '../warehouse-streams';
import { candidatesByKey } from './candidates-by-key';
import { KeyedObservation, latestPerWarehouse, observationItems, outcomeOf, wantsCandidates } from './observation-batch';

/** One warehouse_no as loaded: its golden record (reserved, or a fresh id) and its matching candidates. */
interface LoadedKey {
  readonly stream: LoadedStream;
  readonly fresh: boolean;
  readonly candidates: MatchProfile[];
}

/**
 * RecordWdtObservation for a whole page or pull: one query loads every stream, the decider runs
 * per warehouse, and new golden-id reservations plus all appends commit in one transaction. A
 * conflict (a stream moved, or another sync reserved one of our new keys) re-loads only those keys.
 * Observations the domain refuses are left out of the outcomes.
 */
@CommandHandler(RecordWdtObservationsCommand)
export class RecordWdtObservationsHandler implements ICommandHandler<RecordWdtObservationsCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: WarehouseStreams,
    private readonly reservations: SourceKeyReservations,
    private readonly candidates: MatchCandidates,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {}

  execute({ observations, context }: RecordWdtObservationsCommand): Promise<ObservationOutcome[]> {
    const latest = latestPerWarehouse(observations);
    const byKey = new Map(latest.map((o) => [o.key, o]));
    // A merge re-points the merged record's keys to the survivor: one golden record can hold several keys.
    const keysOfGolden = new Map<string, Set<string>>();
    return this.pipeline.run<LoadedKey, ObservationOutcome[]>({
      keys: latest.map((o) => o.key),
      load: async (keys) => {
        const loaded = await this.load(
          keys.map((k) => byKey.get(k)!),
          context,
        );
        for (const [key, { stream }] of loaded)
          keysOfGolden.set(stream.goldenId, (keysOfGolden.get(stream.goldenId) ?? new Set()).add(key));
        return loaded;
      },
      conflicts: (error) =>
        error instanceof ReservationConflict
          ? [...error.keys]
          : streamConflicts(error)?.flatMap((streamId) => [...(keysOfGolden.get(goldenIdOfOrSelf(streamId)) ?? [])]),
      decide: (loaded) => {
        const goldenIdOf = (key: string) => loaded.get(key)!.stream.goldenId;
        const streams = new Map([...loaded.values()].map(({ stream }) => [stream.goldenId, stream]));
        const candidates = new Map([...loaded].map(([key, l]) => [key, l.candidates]));
        const batch = decideBatch(this.decider, streams, observationItems(latest, goldenIdOf, context, candidates), {
          syncRunId: context.syncRunId,
        });
        const appended = new Set(batch.appends.map((a) => a.streamId));
        const newKeys = new Map(
          [...loaded].filter(([, l]) => l.fresh && appended.has(streamIdOf(l.stream.goldenId))).map(([key, l]) => [key, l.stream.goldenId]),
        );
        return {
          appends: batch.appends,
          writes: newKeys.size > 0 ? (tx) => this.reservations.reserve(WDT_SYSTEM, newKeys, tx) : undefined,
          result: latest.flatMap((o, i) =>
            batch.refused.has(i) ? [] : [outcomeOf(o.key, goldenIdOf(o.key), loaded.get(o.key)!.stream.version, batch.decided[i]!)],
          ),
        };
      },
    });
  }

  private async load(observations: readonly KeyedObservation[], context: ObservationContext): Promise<Map<string, LoadedKey>> {
    const reserved = await this.reservations.lookup(
      WDT_SYSTEM,
      observations.map((o) => o.key),
    );
    const fresh = new Map(observations.filter((o) => !reserved.has(o.key)).map((o) => [o.key, newGoldenId(context.observedAt.getTime())]));
    const goldenIdOf = (key: string) => reserved.get(key) ?? fresh.get(key)!;
    const streams = await this.streams.load([...reserved.values()]);
    for (const goldenId of fresh.values()) streams.set(goldenId, { goldenId, state: this.decider.initialState(), version: 0, events: [] });
    const candidates = await this.candidatesFor(observations, streams, goldenIdOf, context);
    return new Map(
      observations.map((o) => [
        o.key,
        { stream: streams.get(goldenIdOf(o.key))!, fresh: fresh.has(o.key), candidates: candidates.get(o.key) ?? [] },
      ]),
    );
  }

  /** A dry run finds the records that are new or re-described; only those need candidates. */
  private async candidatesFor(
    observations: readonly KeyedObservation[],
    streams: Map<string, LoadedStream>,
    goldenIdOf: (key: string) => string,
    context: ObservationContext,
  ): Promise<Map<string, MatchProfile[]>> {
    const dry = decideBatch(this.decider, streams, observationItems(observations, goldenIdOf, context));
    const subjects = observations.flatMap((o, i) => {
      const goldenId = goldenIdOf(o.key);
      const after = dry.states.get(goldenId)?.golden;
      return after && wantsCandidates(streams.get(goldenId)!.state, dry.decided[i]!)
        ? [{ key: o.key, profile: { goldenId, ...after } }]
        : [];
    });
    if (subjects.length === 0) return new Map();
    return candidatesByKey(subjects, await this.candidates.forSubjects(subjects.map((s) => s.profile)));
  }
}
