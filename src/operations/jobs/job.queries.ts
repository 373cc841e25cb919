import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { JobView } from './job';
import { JobRegistry } from './job-registry';

/** `GET /api/v1/jobs`: the newest operator jobs, of one kind or all. */
export class ListJobsQuery extends Query<JobView[]> {
  constructor(
    readonly limit: number,
    readonly kind?: string,
  ) {
    super();
  }
}

/** `GET /api/v1/jobs/{id}`: one job's state and progress; `not_found` when there is none. */
export class GetJobQuery extends Query<JobView> {
  constructor(readonly id: string) {
    super();
  }
}

@QueryHandler(ListJobsQuery)
export class ListJobsHandler implements IQueryHandler<ListJobsQuery> {
  constructor(private readonly jobs: JobRegistry) {}
  execute({ limit, kind }: ListJobsQuery): Promise<JobView[]> {
    return this.jobs.repository.latest(Math.min(Math.max(limit, 1), 100), kind);
  }
}

@QueryHandler(GetJobQuery)
export class GetJobHandler implements IQueryHandler<GetJobQuery> {
  constructor(private readonly jobs: JobRegistry) {}
  async execute({ id }: GetJobQuery): Promise<JobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new DomainError(ErrorCode.notFound, `no job ${id}`);
    return job;
  }
}
