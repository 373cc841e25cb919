import { Body, Controller, Delete, Headers, HttpCode, Inject, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/http/roles.decorator';
import { OverrideFieldCommand, RemoveOverrideCommand } from '../application/commands';
import { CommandResult } from '../application/stream-command-runner';
import { WAREHOUSES } from '../warehouses.tokens';
import { Warehouses } from '../warehouses.factory';
import { OverrideFieldDto, RemoveOverrideDto } from './dto/command.dto';
import { WarehouseDetailDto } from './dto/detail.dto';
import { ApiRequest, IF_MATCH_HEADER, etagOf, metadataOf, parseIfMatch } from './http-helpers';

type HeaderSink = { setHeader(name: string, value: string): void };

/** Steward overrides: a pinned value wins over every source until removed. */
@ApiTags('warehouses')
@Controller('api/v1/warehouses/:id/overrides/:field')
export class OverridesController {
  constructor(
    @Inject(WAREHOUSES) private readonly warehouses: Warehouses,
    private readonly commands: CommandBus,
  ) {}

  @Put()
  @HttpCode(200)
  @Roles('steward')
  @ApiOperation({ summary: 'Override one field of a golden record' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WarehouseDetailDto, description: 'the record after the change (with its new ETag)' })
  async put(
    @Param('id') id: string,
    @Param('field') field: string,
    @Body() body: OverrideFieldDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const result = await this.commands.execute(
      new OverrideFieldCommand(
        { goldenId: id, field, value: body.value, reason: body.reason, ifMatch: parseIfMatch(ifMatch) },
        metadataOf(request),
      ),
    );
    return this.respond(result, response);
  }

  @Delete()
  @HttpCode(200)
  @Roles('steward')
  @ApiOperation({ summary: 'Remove an override: the sources decide the field again' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WarehouseDetailDto })
  async remove(
    @Param('id') id: string,
    @Param('field') field: string,
    @Body() body: RemoveOverrideDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const result = await this.commands.execute(
      new RemoveOverrideCommand({ goldenId: id, field, reason: body?.reason, ifMatch: parseIfMatch(ifMatch) }, metadataOf(request)),
    );
    return this.respond(result, response);
  }

  /** Answers from the event store, not the read models: the steward sees their change at once. */
  private async respond(result: CommandResult, response: HeaderSink) {
    response.setHeader('ETag', etagOf(result.recordVersion));
    return this.warehouses.queries.getFolded(result.goldenId);
  }
}
