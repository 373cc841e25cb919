import { Command } from '@nestjs/cqrs';
import { SkipRequest, SkipResult } from './skip-processor-event';

/** `POST /api/v1/processors/{name}/skip` and `mdm processor skip`: a stalled processor may pass one event (audited). */
export class SkipProcessorEventCommand extends Command<SkipResult> {
  constructor(
    readonly request: SkipRequest,
    readonly actor: string,
  ) {
    super();
  }
}
