import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/http/roles.decorator';
import { HubMetrics } from '../metrics/hub-metrics';
import { HubStatus } from './hub-status';
import { StatusQuery } from './status.query';

/**
 * `GET /api/v1/status` and `GET /metrics`, both for the reader role: lag figures and task counts
 * are operational detail, not public. Prometheus sends the key with `authorization: {credentials: …}`.
 */
@ApiTags('operations')
@Controller()
export class StatusController {
  constructor(
    private readonly status: StatusQuery,
    private readonly metrics: HubMetrics,
  ) {}

  @Get('api/v1/status')
  @Roles('reader')
  snapshot(): Promise<HubStatus> {
    return this.status.snapshot();
  }

  @Get('metrics')
  @Roles('reader')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  prometheus(): Promise<string> {
    return this.metrics.metrics();
  }
}
