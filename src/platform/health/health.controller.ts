import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { MessageLog } from '../../log/message-log.port';
import { Public } from '../http/roles.decorator';
import { DATA_SOURCE, MESSAGE_LOG } from '../tokens';

/** Liveness and readiness: the database and the golden-record log (Kafka or embedded) answer. */
@ApiTags('operations')
@Controller('api/v1/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MESSAGE_LOG) private readonly log: MessageLog,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('database')
          .attempt(async () => void (await this.dataSource.query('SELECT 1')))
          .withTimeout(3000),
      () =>
        this.indicators
          .check('log')
          .attempt(async () => {
            await this.log.ping();
            return { kind: this.log.kind };
          })
          .withTimeout(5000),
    ]);
  }
}
