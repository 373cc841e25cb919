import { DataSource } from 'typeorm';
import { ConcurrencyError, EventStore } from '../../../event-store/event-store';
import { ObservationContext, ObservationOutcome } from '../../../contracts/wdt-observation-recorder.port';
import { WdtWarehouse } from '../../../contracts/wdt-warehouse';
import { streamIdOf } from '../../domain/events';
import { MatchProfile } from '../../domain/matching';
import { WDT_SYSTEM } from '../../domain/source-keys';
import { WarehouseDecider, warehouseDecider } from '../../domain/warehouse-decider';
import { decideBatch } from '../batch-decision';
import { newGoldenId } from '../golden-ids';
import { MatchCandidates } from '../match-candidates';
import { ReservationConflict, SourceKeyReservations } from '../source-key-reservations';
import { MAX_ATTEMPTS } from '../stream-command-runner';
import { LoadedStream, WarehouseStreams } from '../warehouse-streams';
import { KeyedObservation, candidatesByKey, latestPerWarehouse, observationItems, outcomeOf, wantsCandidates } from './observation-batch';

/**
 * RecordWdtObservation for a whole page or pull: one query loads every stream, the decider runs
 * per warehouse, and new golden-id reservations plus all appends commit in one transaction.
 * Observations the domain refuses are left out of the outcomes.
 */
export class RecordWdtObservationsHandler {
  private readonly reservations: SourceKeyReservations;
  private readonly streams: WarehouseStreams;
  private readonly candidates: MatchCandidates;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly decider: WarehouseDecider = warehouseDecider,
  ) {
    this.reservations = new SourceKeyReservations(dataSource);
    this.streams = new WarehouseStreams(dataSource);
    this.candidates = new MatchCandidates(dataSource);
  }

  async execute(observations: readonly WdtWarehouse[], context: ObservationContext): Promise<ObservationOutcome[]> {
    const latest = latestPerWarehouse(observations);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(latest, context);
      } catch (error) {
        const retryable = error instanceof ConcurrencyError || error instanceof ReservationConflict;
        if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async attempt(observations: readonly KeyedObservation[], context: ObservationContext): Promise<ObservationOutcome[]> {
    const reserved = await this.reservations.lookup(
      WDT_SYSTEM,
      observations.map((o) => o.key),
    );
    const fresh = new Map(observations.filter((o) => !reserved.has(o.key)).map((o) => [o.key, newGoldenId(context.observedAt.getTime())]));
    const goldenIdOf = (key: string) => reserved.get(key) ?? fresh.get(key)!;
    const streams = await this.streams.load([...reserved.values()]);
    for (const goldenId of fresh.values()) streams.set(goldenId, { goldenId, state: this.decider.initialState(), version: 0, events: [] });
    const candidates = await this.candidatesFor(observations, streams, goldenIdOf, context);
    const batch = decideBatch(this.decider, streams, observationItems(observations, goldenIdOf, context, candidates), {
      syncRunId: context.syncRunId,
    });
    const appended = new Set(batch.appends.map((a) => a.streamId));
    const newKeys = new Map([...fresh].filter(([, goldenId]) => appended.has(streamIdOf(goldenId))));
    await this.dataSource.transaction(async (tx) => {
      await this.reservations.reserve(WDT_SYSTEM, newKeys, tx);
      await this.store.appendMany(batch.appends, tx);
    });
    if (batch.appends.length > 0) this.store.notifyAppended();
    return observations.flatMap((o, i) =>
      batch.refused.has(i) ? [] : [outcomeOf(o.key, goldenIdOf(o.key), streams.get(goldenIdOf(o.key))!.version, batch.decided[i]!)],
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
    return candidatesByKey(subjects, await this.candidates.inRegions(subjects.map((s) => s.profile)));
  }
}
