import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiRole } from '../config/config';
import { DomainError, ErrorCode } from '../shared/domain/domain-error';
import { Roles } from '../platform/http/roles.decorator';

class MeView {
  @ApiProperty({ description: 'the key’s name from MDM_API_KEYS (never the key itself)' }) name!: string;
  @ApiProperty({ enum: ['reader', 'steward', 'admin'] }) role!: ApiRole;
}

/** Who the presented API key is: the console signs in with it and offers what the role allows. */
@ApiTags('console')
@Controller('api/v1/me')
export class MeController {
  @Get()
  @Roles('reader')
  @ApiOkResponse({ type: MeView })
  me(@Req() request: { apiKey?: { name: string; role: ApiRole } }): MeView {
    // The guard sets apiKey for every route with @Roles; its absence would be a wiring bug.
    if (!request.apiKey) throw new DomainError(ErrorCode.unauthenticated, 'an API key is required: Authorization: Bearer <key>');
    return { name: request.apiKey.name, role: request.apiKey.role };
  }
}
