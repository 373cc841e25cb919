import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { actorOf } from '../platform/http/api-key.guard';
import { Roles } from '../platform/http/roles.decorator';
import { JobView } from '../operations/jobs/job';
import { JobViewDto } from '../operations/jobs/job.dto';
import { ReplayHandler } from './replay.handler';
import { ResyncKingdeeHandler } from './resync-kingdee.handler';

export class ReplayBody {
  @ApiPropertyOptional({ description: 'one projection (default: every replayable one)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  projection?: string;
  @ApiPropertyOptional({ description: 'global position to replay from' })
  @IsOptional()
  @IsString()
  @Matches(/^\d+$/, { message: 'from must be a global position (a whole number)' })
  from?: string;
}

export class ResyncBody {
  @ApiPropertyOptional({ description: 'every record not retired' }) @IsOptional() @IsBoolean() all?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'golden ids' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  ids?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

type AuthedRequest = { apiKey?: { name: string; role: string } };

/** Operator actions that rebuild or rewrite: 202 with a job to follow at `GET /api/v1/jobs/{id}`. */
@ApiTags('operations')
@Controller('api/v1')
export class ReplayController {
  constructor(
    private readonly replay: ReplayHandler,
    private readonly resync: ResyncKingdeeHandler,
  ) {}

  @Post('replay')
  @HttpCode(202)
  @Roles('admin')
  @ApiAcceptedResponse({ type: JobViewDto })
  startReplay(@Body() body: ReplayBody, @Req() request: AuthedRequest): Promise<JobView> {
    return this.replay.start({ projection: body.projection, from: body.from }, actorOf(request));
  }

  @Post('resync/kingdee')
  @HttpCode(202)
  @Roles('admin')
  @ApiAcceptedResponse({ type: JobViewDto })
  startResync(@Body() body: ResyncBody, @Req() request: AuthedRequest): Promise<JobView> {
    return this.resync.start({ all: body.all, ids: body.ids, reason: body.reason }, actorOf(request));
  }
}
