import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadsReadModels } from '../../platform/http/read-your-writes';
import { Roles } from '../../platform/http/roles.decorator';
import { GetWarehouseQuery, SearchWarehousesQuery, WarehouseHistoryQuery } from '../queries/queries';
import { GetWarehouseDto, ReadYourWritesDto, SearchWarehousesDto } from './dto/query.dto';
import { WarehouseDetailDto } from './dto/detail.dto';
import { WarehousePageDto } from './dto/record.dto';
import { HistoryEntryDto } from './dto/responses.dto';
import { etagOf } from './http-helpers';

@ApiTags('warehouses')
@Controller('api/v1/warehouses')
export class WarehousesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('reader')
  @ReadsReadModels()
  @ApiOperation({ summary: 'Search golden records (filters, paging, stable order, total)' })
  @ApiOkResponse({ type: WarehousePageDto })
  search(@Query() query: SearchWarehousesDto) {
    return this.queries.execute(new SearchWarehousesQuery(query));
  }

  @Get(':id')
  @Roles('reader')
  @ReadsReadModels()
  @ApiOperation({
    summary: 'One golden record: fields, per-field lineage, cross-reference, Kingdee sync status; ?asOf= answers as it was then',
  })
  @ApiOkResponse({ type: WarehouseDetailDto, headers: { ETag: { description: 'the version, for If-Match' } } })
  async get(
    @Param('id') id: string,
    @Query() query: GetWarehouseDto,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const detail = await this.queries.execute(new GetWarehouseQuery(id, query.asOf ? new Date(query.asOf) : undefined));
    response.setHeader('ETag', etagOf(detail.version));
    return detail;
  }

  @Get(':id/history')
  @Roles('reader')
  @ReadsReadModels()
  @ApiOperation({ summary: 'The golden record’s events, oldest first' })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  history(@Param('id') id: string, @Query() _query: ReadYourWritesDto) {
    return this.queries.execute(new WarehouseHistoryQuery(id));
  }
}
