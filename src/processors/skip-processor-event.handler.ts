import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { loadStalls } from '../event-store/processor-stalls';
import { DATA_SOURCE, EVENT_STORE } from '../platform/tokens';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { ProcessorSupervisor } from './processor-supervisor';
import { SkipResult, skipProcessorEvent } from './skip-processor-event';
import { SkipProcessorEventCommand } from './skip-processor-event.command';

/** Records the skip, then ends the processor's backoff here. */
@CommandHandler(SkipProcessorEventCommand)
export class SkipProcessorEventHandler implements ICommandHandler<SkipProcessorEventCommand> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly supervisor: ProcessorSupervisor,
  ) {}

  async execute({ request, actor }: SkipProcessorEventCommand): Promise<SkipResult> {
    const processors = this.supervisor.processors;
    const processor = processors.find((p) => p.name === request.processor);
    // Processors run outside the supervisor too (the latency observer): a recorded stall names them.
    if (!processor && !(await loadStalls(this.dataSource)).has(request.processor)) {
      const known = processors.map((p) => p.name).join(', ') || '(none)';
      throw new DomainError(ErrorCode.notFound, `no processor ${request.processor}; known: ${known}`);
    }
    const result = await skipProcessorEvent(this.dataSource, this.store, request, actor, new Date());
    // Whichever instance leads this processor picks the skip up at its next attempt (at most a minute).
    this.store.notifications.emit('retry', request.processor);
    return result;
  }
}
