import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, PipelineCommand } from '../../../event-store/command-pipeline';
import { EventStore } from '../../../event-store/event-store';
import { CommandMetadata } from '../../../shared/domain/decider';
import {
  decideDismissTruncation,
  decideListingCheck,
  ListingCheckEvent,
  openTruncationTask,
  WDT_LISTING_CHECKS_STREAM,
} from '../../domain/listing-checks';
import { DismissWdtListingTruncationCommand, ReportWdtListingCheckCommand } from '../commands';
import { commandMetadata, eventMetadata } from '../metadata';

/**
 * Records the outcome of a sync's listing check on the listing-checks stream (see listing-checks.ts):
 * the stewardship task "WDT listing looks truncated" is opened, refreshed and closed from there.
 */
@CommandHandler(ReportWdtListingCheckCommand)
export class ReportWdtListingCheckHandler implements ICommandHandler<ReportWdtListingCheckCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly store: EventStore,
  ) {}

  async execute({ check, context }: ReportWdtListingCheckCommand): Promise<void> {
    const meta = commandMetadata(context.actor, { now: context.observedAt, correlationId: context.correlationId });
    await this.pipeline.run(
      listingCommand(this.store, (open) => decideListingCheck(check, open, context.syncRunId), meta, { syncRunId: context.syncRunId }),
    );
  }
}

/** A steward closes the open task; false when no such task is open. */
@CommandHandler(DismissWdtListingTruncationCommand)
export class DismissWdtListingTruncationHandler implements ICommandHandler<DismissWdtListingTruncationCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly store: EventStore,
  ) {}

  async execute({ taskId, reason, meta }: DismissWdtListingTruncationCommand): Promise<boolean> {
    const decided = await this.pipeline.run(listingCommand(this.store, (open) => decideDismissTruncation(taskId, open, reason), meta));
    return decided > 0;
  }
}

/** The listing-checks stream as a pipeline command; answers how many events were decided. */
function listingCommand(
  store: EventStore,
  decide: (openTaskId: string | undefined) => ListingCheckEvent[],
  meta: CommandMetadata,
  extra: Record<string, unknown> = {},
): PipelineCommand<ListingCheckEvent[], number> {
  return {
    keys: [WDT_LISTING_CHECKS_STREAM],
    load: async () => {
      const history = await store.readStream<ListingCheckEvent['data']>(WDT_LISTING_CHECKS_STREAM);
      return new Map([[WDT_LISTING_CHECKS_STREAM, history.map((e) => ({ type: e.type, data: e.data }) as ListingCheckEvent)]]);
    },
    decide: (loaded) => {
      const history = loaded.get(WDT_LISTING_CHECKS_STREAM)!;
      const events = decide(openTruncationTask(history));
      return {
        appends: [{ streamId: WDT_LISTING_CHECKS_STREAM, expectedVersion: history.length, events, metadata: eventMetadata(meta, extra) }],
        result: events.length,
      };
    },
  };
}
