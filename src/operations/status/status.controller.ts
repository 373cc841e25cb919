import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StatusHistoryQuery } from '../history/status-history.query';
import { StatusHistoryDto, StatusHistoryQueryDto } from '../history/status-history.dto';
import { Roles } from '../../platform/http/roles.decorator';
import { HubMetrics } from '../metrics/hub-metrics';
import { HubStatus } from './hub-status';
import { HubStatusDto } from './hub-status.dto';
import { HubStatusQuery } from './hub-status.query';

/**
 * `GET /api/v1/status` and `GET /metrics`, both for the reader role: lag figures and task counts
 * are operational detail, not public. Prometheus sends the key with `authorization: {credentials: …}`.
 */
@ApiTags('operations')
@Controller()
export class StatusController {
  constructor(
    private readonly queries: QueryBus,
    private readonly metrics: HubMetrics,
  ) {}

  @Get('api/v1/status')
  @Roles('reader')
  @ApiOkResponse({ type: HubStatusDto })
  snapshot(): Promise<HubStatus> {
    return this.queries.execute(new HubStatusQuery());
  }

  @Get('api/v1/status/history')
  @Roles('reader')
  @ApiOperation({
    summary: 'Samples of lag, throughput and WDT → Kingdee latency since an instant, and the WDT sync runs of the last days',
  })
  @ApiOkResponse({ type: StatusHistoryDto })
  history(@Query() query: StatusHistoryQueryDto): Promise<StatusHistoryDto> {
    const now = Date.now();
    const since = query.since ? new Date(query.since) : new Date(now - 3_600_000);
    const runsSince = query.runsSince ? new Date(query.runsSince) : new Date(now - 7 * 86_400_000);
    return this.queries.execute(new StatusHistoryQuery(since, runsSince)) as Promise<StatusHistoryDto>;
  }

  @Get('metrics')
  @Roles('reader')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  prometheus(): Promise<string> {
    return this.metrics.metrics();
  }
}
