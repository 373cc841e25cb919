import { Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/http/roles.decorator';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { JobView } from './job';
import { JobViewDto } from './job.dto';
import { JobRegistry } from './job-registry';

/** Operator jobs (replay, resync): state and progress, kept in the database across restarts. */
@ApiTags('operations')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobRegistry) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [JobViewDto] })
  latest(@Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number, @Query('kind') kind?: string): Promise<JobView[]> {
    return this.jobs.repository.latest(Math.min(Math.max(limit, 1), 100), kind);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: JobViewDto })
  async find(@Param('id') id: string): Promise<JobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new DomainError(ErrorCode.notFound, `no job ${id}`);
    return job;
  }
}
