import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { actorOf } from '../platform/http/api-key.guard';
import { Roles } from '../platform/http/roles.decorator';
import { SkipProcessorEventCommand } from './skip-processor-event.command';
import { SkipResult } from './skip-processor-event';

export class SkipBody {
  // A JSON number is accepted too (positions are bigints: send a string beyond 2^53).
  @Transform(({ value }) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value))
  @IsString()
  @Matches(/^\d+$/, { message: 'position must be a global position (a whole number)' })
  position!: string;
  @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

type AuthedRequest = { apiKey?: { name: string; role: string } };

/** Admin actions on the hub's processors. */
@ApiTags('operations')
@Controller('api/v1/processors')
export class ProcessorsController {
  constructor(private readonly commands: CommandBus) {}

  /** Lets a stalled processor pass the one event it cannot apply; recorded as a ProcessorEventSkipped event. */
  @Post(':name/skip')
  @HttpCode(200)
  @Roles('admin')
  skip(@Param('name') name: string, @Body() body: SkipBody, @Req() request: AuthedRequest): Promise<SkipResult> {
    return this.commands.execute(
      new SkipProcessorEventCommand({ processor: name, position: body.position, reason: body.reason }, actorOf(request)),
    );
  }
}
