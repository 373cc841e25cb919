import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadsReadModels } from '../../platform/http/read-your-writes';
import { Roles } from '../../platform/http/roles.decorator';
import { ResolveStewardshipTaskCommand } from '../application/commands';
import { ListStewardshipTasksQuery } from '../queries/queries';
import { ResolveTaskDto } from './dto/command.dto';
import { ListTasksDto } from './dto/query.dto';
import { ResolveTaskResultDto, TaskPageDto } from './dto/responses.dto';
import { ApiRequest, metadataOf } from './http-helpers';

@ApiTags('stewardship')
@Controller('api/v1/stewardship/tasks')
export class StewardshipController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Roles('reader')
  @ReadsReadModels()
  @ApiOperation({ summary: 'Suspected duplicates and Kingdee sync failures, newest first' })
  @ApiOkResponse({ type: TaskPageDto })
  list(@Query() query: ListTasksDto) {
    return this.queries.execute(new ListStewardshipTasksQuery(query));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('steward')
  @ApiOperation({ summary: 'Resolve a task: merge | dismiss a duplicate, retry a sync failure' })
  @ApiOkResponse({ type: ResolveTaskResultDto })
  resolve(@Param('id') id: string, @Body() body: ResolveTaskDto, @Req() request: ApiRequest) {
    return this.commands.execute(
      new ResolveStewardshipTaskCommand(
        { taskId: id, action: body.action, survivorId: body.survivorId, reason: body.reason },
        metadataOf(request),
      ),
    );
  }
}
