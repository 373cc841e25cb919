import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { JobView } from '../operations/jobs/job';
import { JobViewDto } from '../operations/jobs/job.dto';
import { FindingsDto, ResolveReconciliationResultDto } from './findings.dto';
import { ReconciliationFindingsQuery } from './findings.query';
import { FindingsView } from './findings-view';
import { actorOf } from '../platform/http/api-key.guard';
import { Roles } from '../platform/http/roles.decorator';
import { commandMetadata } from '../warehouses/application/metadata';
import { RECONCILIATION_ACTIONS, type ReconciliationAction } from './resolve-reconciliation-task';
import { ReconciliationService } from './reconciliation.service';

export class ResolveReconciliationDto {
  @ApiProperty({ enum: RECONCILIATION_ACTIONS, description: 'drift: push | accept; missing: recreate | retire; unknown: adopt | ignore' })
  @IsIn(RECONCILIATION_ACTIONS)
  action!: ReconciliationAction;

  @ApiPropertyOptional({ description: 'adopt: the golden record to adopt the Kingdee record for (default: the proposed one)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  goldenId?: string;

  @ApiPropertyOptional({ example: '金蝶里改名是财务确认过的' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

type AuthedRequest = { apiKey?: { name: string; role: string } };

/** Reconciliation with Kingdee: run it (a job), read the findings, decide on each. */
@ApiTags('reconciliation')
@Controller('api/v1/reconcile/kingdee')
export class ReconciliationController {
  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Compare every BD_STOCK of the use-org with the golden records (a job; follow GET /api/v1/jobs/{id})' })
  @ApiAcceptedResponse({ type: JobViewDto })
  start(@Req() request: AuthedRequest): Promise<JobView> {
    return this.reconciliation.start(actorOf(request));
  }

  @Get()
  @Roles('reader')
  @ApiOperation({ summary: 'The latest findings and the open reconciliation tasks' })
  @ApiOkResponse({ type: FindingsDto })
  findings(): Promise<FindingsView> {
    return this.queries.execute(new ReconciliationFindingsQuery());
  }

  @Post('tasks/:id/resolve')
  @HttpCode(200)
  @Roles('steward')
  @ApiOperation({ summary: 'Decide on a finding: push | accept (drift), recreate | retire (missing), adopt | ignore (unknown)' })
  @ApiOkResponse({ type: ResolveReconciliationResultDto })
  resolve(@Param('id') id: string, @Body() body: ResolveReconciliationDto, @Req() request: AuthedRequest) {
    return this.reconciliation.resolve(
      { taskId: id, action: body.action, goldenId: body.goldenId, reason: body.reason },
      commandMetadata(actorOf(request)),
    );
  }
}
