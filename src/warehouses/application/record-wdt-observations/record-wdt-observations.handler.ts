import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, streamConflicts } from '../../../event-store/command-pipeline';
import { ObservationContext, ObservationOutcome } from '../../../contracts/wdt-observation-recorder.port';
import { matchingSubject, observationHash } from '../../domain/decide-observation';
import { streamIdOf } from '../../domain/events';
import { WDT_SYSTEM } from '../../domain/source-keys';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { decideBatch } from '../batch-decision';
import { RecordWdtObservationsCommand } from '../commands';
import { newGoldenId } from '../golden-ids';
import { MatchCandidates } from '../match-candidates';
import { ReservationConflict, SourceKeyReservations } from '../source-key-reservations';
import { goldenIdOfOrSelf } from '../stream-command-runner';
import { LoadedStream, WarehouseStreams } from '../warehouse-streams';
import { DecidedKey, KeyedObservation, latestPerWarehouse, observationAppends, observationItems, outcomeOf } from './observation-batch';
import { ObservedKey, ObservedKeys } from './observed-keys';

/**
 * RecordWdtObservation for a whole page: one query finds each key's golden record and skips the
 * unchanged ones, one query loads the other streams, each observation is decided once, candidates
 * are fetched only for the new or re-described records, and new golden-id reservations plus all
 * appends commit in one transaction. The decision happens while loading, because the candidates
 * depend on it; a conflict (a stream moved, or another sync reserved one of our new keys) loads and
 * decides only those keys again. Observations the domain refuses are left out of the outcomes.
 */
@CommandHandler(RecordWdtObservationsCommand)
export class RecordWdtObservationsHandler implements ICommandHandler<RecordWdtObservationsCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: WarehouseStreams,
    private readonly reservations: SourceKeyReservations,
    private readonly candidates: MatchCandidates,
    private readonly observed: ObservedKeys,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {}

  execute({ observations, context }: RecordWdtObservationsCommand): Promise<ObservationOutcome[]> {
    const latest = latestPerWarehouse(observations);
    const order = new Map(latest.map((o, i) => [o.key, i]));
    // A merge re-points the merged record's keys to the survivor: one golden record can hold several keys.
    const keysOfGolden = new Map<string, Set<string>>();
    return this.pipeline.run<DecidedKey, ObservationOutcome[]>({
      keys: latest.map((o) => o.key),
      load: async (keys) => {
        // Page order, so the keys of one record are decided in the order WDT listed them.
        const loaded = await this.load(
          keys.map((k) => latest[order.get(k)!]!).sort((a, b) => order.get(a.key)! - order.get(b.key)!),
          context,
        );
        for (const [key, { goldenId }] of loaded) keysOfGolden.set(goldenId, (keysOfGolden.get(goldenId) ?? new Set()).add(key));
        return loaded;
      },
      conflicts: (error) =>
        error instanceof ReservationConflict
          ? [...error.keys]
          : streamConflicts(error)?.flatMap((streamId) => [...(keysOfGolden.get(goldenIdOfOrSelf(streamId)) ?? [])]),
      decide: (loaded) => {
        const keys = latest.map((o) => o.key);
        const appends = observationAppends(keys, loaded, context);
        const appended = new Set(appends.map((a) => a.streamId));
        const newKeys = new Map(
          [...loaded].filter(([, d]) => d.fresh && appended.has(streamIdOf(d.goldenId))).map(([key, d]) => [key, d.goldenId]),
        );
        return {
          appends,
          writes: newKeys.size > 0 ? (tx) => this.reservations.reserve(WDT_SYSTEM, newKeys, tx) : undefined,
          result: keys.flatMap((key) => {
            const d = loaded.get(key)!;
            return d.refused ? [] : [outcomeOf(key, d.goldenId, d.version, d.events)];
          }),
        };
      },
    });
  }

  private async load(observations: readonly KeyedObservation[], context: ObservationContext): Promise<Map<string, DecidedKey>> {
    const known = await this.observed.lookup(WDT_SYSTEM, new Map(observations.map((o) => [o.key, observationHash(o.warehouse)])));
    const result = new Map<string, DecidedKey>();
    for (const o of observations) {
      const k = known.get(o.key);
      if (k?.unchanged) result.set(o.key, { ...NOTHING, goldenId: k.goldenId });
    }
    const toDecide = observations.filter((o) => !result.has(o.key));
    if (toDecide.length === 0) return result;
    for (const [key, decided] of await this.decide(toDecide, known, context)) result.set(key, decided);
    return result;
  }

  /** New and changed rows: their streams in one read (new records have none), each decided once, then candidates for the subjects. */
  private async decide(
    toDecide: readonly KeyedObservation[],
    known: ReadonlyMap<string, ObservedKey>,
    context: ObservationContext,
  ): Promise<Map<string, DecidedKey>> {
    const fresh = new Map(toDecide.filter((o) => !known.has(o.key)).map((o) => [o.key, newGoldenId(context.observedAt.getTime())]));
    const goldenIdOf = (key: string) => known.get(key)?.goldenId ?? fresh.get(key)!;
    const reserved = toDecide.filter((o) => known.has(o.key)).map((o) => goldenIdOf(o.key));
    const streams = reserved.length > 0 ? await this.streams.load(reserved) : new Map<string, LoadedStream>();
    for (const goldenId of fresh.values()) streams.set(goldenId, { goldenId, state: this.decider.initialState(), version: 0, events: [] });
    const batch = decideBatch(this.decider, streams, observationItems(toDecide, goldenIdOf, context));
    const subjects = toDecide.map((_, i) => (batch.refused.has(i) ? null : matchingSubject(batch.before[i]!, batch.decided[i]!)));
    const wanted = subjects.filter((s) => s !== null);
    const readModel = wanted.length > 0 ? await this.candidates.forSubjects(wanted) : [];
    return new Map(
      toDecide.map((o, i) => {
        const goldenId = goldenIdOf(o.key);
        const decided: DecidedKey = {
          goldenId,
          version: streams.get(goldenId)!.version,
          fresh: fresh.has(o.key),
          refused: batch.refused.has(i),
          events: batch.decided[i]!,
          before: batch.before[i]!,
          subject: subjects[i]!,
          readModel,
        };
        return [o.key, decided];
      }),
    );
  }
}

/** An unchanged row: nothing decided, nothing appended (so its stream was not read: `version` is never used). */
const NOTHING: Omit<DecidedKey, 'goldenId'> = {
  version: 0,
  fresh: false,
  refused: false,
  events: [],
  before: null,
  subject: null,
  readModel: [],
};
