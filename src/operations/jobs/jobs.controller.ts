import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/http/roles.decorator';
import { JobView } from './job';
import { JobViewDto } from './job.dto';
import { GetJobQuery, ListJobsQuery } from './job.queries';

/** Operator jobs (replay, resync): state and progress, kept in the database across restarts. */
@ApiTags('operations')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [JobViewDto] })
  latest(@Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number, @Query('kind') kind?: string): Promise<JobView[]> {
    return this.queries.execute(new ListJobsQuery(limit, kind));
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: JobViewDto })
  find(@Param('id') id: string): Promise<JobView> {
    return this.queries.execute(new GetJobQuery(id));
  }
}
