import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { actorOf } from '../../platform/http/api-key.guard';
import { Roles } from '../../platform/http/roles.decorator';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { JobView } from '../../operations/jobs/job';
import { ResyncKingdeeHandler } from '../../replay/resync-kingdee.handler';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../../platform/tokens';
import { recordsSentBy } from './affected-records';
import { parseScheme } from '../scheme-loader';
import { ConfiguredScheme } from './configured-scheme';
import { SchemeRuntimeState } from './scheme-events';
import { SchemePreview, SchemePreviewResult } from './scheme-preview';
import { DisableSchemeCommand, EnableSchemeCommand } from './scheme-commands';
import { ListSchemesQuery } from './scheme-queries';
import { SchemeState } from './scheme-state';

export class SwitchBody {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class PreviewBody {
  @IsString() @MaxLength(1_000_000) yaml!: string;
  @IsOptional() @IsString() @MaxLength(500) file?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) limit?: number;
}

type AuthedRequest = { apiKey?: { name: string; role: string } };

/** The integration scheme at runtime: its switch (recorded as events), and dry-run previews. */
@ApiTags('operations')
@Controller('api/v1/schemes')
export class SchemesController {
  constructor(
    private readonly state: SchemeState,
    private readonly configured: ConfiguredScheme,
    private readonly previewer: SchemePreview,
    private readonly resync: ResyncKingdeeHandler,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('reader')
  list(): Promise<SchemeRuntimeState[]> {
    return this.queries.execute(new ListSchemesQuery());
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('reader')
  preview(@Body() body: PreviewBody): Promise<SchemePreviewResult> {
    return this.previewer.preview(parseScheme(body.yaml, body.file ?? 'scheme.yaml'), body.limit ?? 10);
  }

  @Post(':name/enable')
  @HttpCode(200)
  @Roles('admin')
  async enable(@Param('name') name: string, @Body() body: SwitchBody, @Req() request: AuthedRequest): Promise<SchemeRuntimeState> {
    return this.commands.execute(new EnableSchemeCommand(await this.known(name), actorOf(request), body.reason));
  }

  @Post(':name/disable')
  @HttpCode(200)
  @Roles('admin')
  async disable(@Param('name') name: string, @Body() body: SwitchBody, @Req() request: AuthedRequest): Promise<SchemeRuntimeState> {
    return this.commands.execute(new DisableSchemeCommand(await this.known(name), actorOf(request), body.reason));
  }

  /** After a mapping change: every record the scheme sends is written again (a resync job). */
  @Post(':name/resync')
  @HttpCode(202)
  @Roles('admin')
  async resyncAffected(@Param('name') name: string, @Req() request: AuthedRequest): Promise<JobView> {
    await this.known(name);
    const scheme = await this.configured.get();
    const ids = await recordsSentBy(this.dataSource, scheme);
    if (ids.length === 0) throw new DomainError(ErrorCode.invalidState, `scheme ${name} sends no golden records yet`);
    const { mappingHash } = await this.state.read(name);
    return this.resync.start({ ids, reason: `scheme ${name} mapping ${mappingHash?.slice(0, 12) ?? 'changed'}` }, actorOf(request));
  }

  private async known(name: string): Promise<string> {
    const scheme = await this.configured.get();
    if (scheme.name !== name) throw new DomainError(ErrorCode.notFound, `no scheme ${name}; this hub runs ${scheme.name}`);
    return name;
  }
}
