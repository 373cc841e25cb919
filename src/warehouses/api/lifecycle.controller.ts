import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/http/roles.decorator';
import { RestoreGoldenRecordCommand, RetireGoldenRecordCommand } from '../application/commands';
import { CommandResult } from '../application/stream-command-runner';
import { WAREHOUSES } from '../warehouses.tokens';
import { Warehouses } from '../warehouses.factory';
import { LifecycleReasonDto } from './dto/command.dto';
import { WarehouseDetailDto } from './dto/detail.dto';
import { ApiRequest, IF_MATCH_HEADER, etagOf, metadataOf, parseIfMatch } from './http-helpers';

type HeaderSink = { setHeader(name: string, value: string): void };

/** Retiring and restoring a golden record; the Kingdee sink forbids / enables its BD_STOCK accordingly. */
@ApiTags('warehouses')
@Controller('api/v1/warehouses/:id')
export class LifecycleController {
  constructor(
    @Inject(WAREHOUSES) private readonly warehouses: Warehouses,
    private readonly commands: CommandBus,
  ) {}

  @Post('retire')
  @HttpCode(200)
  @Roles('steward')
  @ApiOperation({
    summary: 'Retire a golden record (e.g. WDT deleted the warehouse): published as retired, its BD_STOCK forbidden in Kingdee',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WarehouseDetailDto, description: 'the record after the change (with its new ETag)' })
  async retire(
    @Param('id') id: string,
    @Body() body: LifecycleReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const result = await this.commands.execute(
      new RetireGoldenRecordCommand({ goldenId: id, reason: body.reason, ifMatch: parseIfMatch(ifMatch) }, metadataOf(request)),
    );
    return this.respond(result, response);
  }

  @Post('restore')
  @HttpCode(200)
  @Roles('steward')
  @ApiOperation({
    summary:
      'Restore a retired golden record (not a merged-away one): the sources decide its fields again, its BD_STOCK is enabled in Kingdee',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WarehouseDetailDto, description: 'the record after the change (with its new ETag)' })
  async restore(
    @Param('id') id: string,
    @Body() body: LifecycleReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const result = await this.commands.execute(
      new RestoreGoldenRecordCommand({ goldenId: id, reason: body.reason, ifMatch: parseIfMatch(ifMatch) }, metadataOf(request)),
    );
    return this.respond(result, response);
  }

  /** Answers from the event store, not the read models: the steward sees their change at once. */
  private async respond(result: CommandResult, response: HeaderSink) {
    response.setHeader('ETag', etagOf(result.recordVersion));
    return this.warehouses.queries.getFolded(result.goldenId);
  }
}
