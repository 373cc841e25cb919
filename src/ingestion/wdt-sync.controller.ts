import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, DefaultValuePipe, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf } from '../platform/http/api-key.guard';
import { Roles } from '../platform/http/roles.decorator';
import { LOGGER, Logger } from '../platform/logging/logging.module';
import { SyncRunSummary } from './poll-wdt-warehouses/sync-run';
import { WdtSyncRunner } from './poll-wdt-warehouses/wdt-sync-runner';
import { SyncRunDto, WdtSyncStartedDto } from './wdt-sync.dto';
import { GetWdtSyncRunQuery, ListWdtSyncRunsQuery } from './wdt-sync-runs.queries';

/** Operator actions on WDT syncs: start one now (202, runs in the background), read runs. */
@ApiTags('operations')
@Controller('api/v1/sync/wdt')
export class WdtSyncController {
  constructor(
    private readonly runner: WdtSyncRunner,
    private readonly queries: QueryBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** 409 `conflict` with `details.runId` while another run is in progress. */
  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiAcceptedResponse({ type: WdtSyncStartedDto })
  async start(@Req() request: { apiKey?: { name: string; role: string } }): Promise<{ runId: string; status: 'running'; run: string }> {
    const { runId, completion } = await this.runner.start('api', { actor: actorOf(request) });
    completion.catch((error: unknown) => this.logger.error({ err: error, runId }, 'WDT sync run could not be recorded'));
    return { runId, status: 'running', run: `/api/v1/sync/wdt/runs/${runId}` };
  }

  @Get('runs')
  @Roles('reader')
  @ApiOkResponse({ type: [SyncRunDto] })
  latest(@Query('limit', new DefaultValuePipe(10), ParseIntPipe) limit: number): Promise<SyncRunSummary[]> {
    return this.queries.execute(new ListWdtSyncRunsQuery(limit));
  }

  @Get('runs/:id')
  @Roles('reader')
  @ApiOkResponse({ type: SyncRunDto })
  find(@Param('id') id: string): Promise<SyncRunSummary> {
    return this.queries.execute(new GetWdtSyncRunQuery(id));
  }
}
