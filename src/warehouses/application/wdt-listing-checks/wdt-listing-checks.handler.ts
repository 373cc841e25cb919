import { ConcurrencyError, EventStore } from '../../../event-store/event-store';
import { CommandMetadata } from '../../../shared/domain/decider';
import { ObservationContext } from '../../../contracts/wdt-observation-recorder.port';
import {
  decideDismissTruncation,
  decideListingCheck,
  ListingCheck,
  ListingCheckEvent,
  openTruncationTask,
  WDT_LISTING_CHECKS_STREAM,
} from '../../domain/listing-checks';
import { commandMetadata, eventMetadata } from '../metadata';
import { MAX_ATTEMPTS } from '../stream-command-runner';

/**
 * Records the outcome of a sync's listing check on the listing-checks stream (see listing-checks.ts):
 * the stewardship task "WDT listing looks truncated" is opened, refreshed and closed from there.
 */
export class WdtListingChecksHandler {
  constructor(private readonly store: EventStore) {}

  report(check: ListingCheck, context: ObservationContext): Promise<void> {
    const meta = commandMetadata(context.actor, { now: context.observedAt, correlationId: context.correlationId });
    return this.decideAndAppend((open) => decideListingCheck(check, open, context.syncRunId), meta, { syncRunId: context.syncRunId });
  }

  /** A steward closes the open task; false when no such task is open. */
  async dismiss(taskId: string, reason: string | null, meta: CommandMetadata): Promise<boolean> {
    let decided = 0;
    await this.decideAndAppend((open) => {
      const events = decideDismissTruncation(taskId, open, reason);
      decided = events.length;
      return events;
    }, meta);
    return decided > 0;
  }

  private async decideAndAppend(
    decide: (openTaskId: string | undefined) => ListingCheckEvent[],
    meta: CommandMetadata,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream<ListingCheckEvent['data']>(WDT_LISTING_CHECKS_STREAM);
      const events = decide(openTruncationTask(history.map((e) => ({ type: e.type, data: e.data }) as ListingCheckEvent)));
      if (events.length === 0) return;
      try {
        await this.store.append(WDT_LISTING_CHECKS_STREAM, history.length, events, eventMetadata(meta, extra));
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
