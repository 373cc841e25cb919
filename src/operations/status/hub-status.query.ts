import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { HubStatus } from './hub-status';
import { StatusQuery } from './status.query';

/** `GET /api/v1/status` and `mdm status`: one snapshot of the hub (processors, sink, DLQ, syncs, stewardship, jobs, schemes). */
export class HubStatusQuery extends Query<HubStatus> {}

@QueryHandler(HubStatusQuery)
export class HubStatusHandler implements IQueryHandler<HubStatusQuery> {
  constructor(private readonly status: StatusQuery) {}

  execute(): Promise<HubStatus> {
    return this.status.snapshot();
  }
}
