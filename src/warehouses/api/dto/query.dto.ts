import { SYNC_STATUSES, SyncStatus } from '../../projections/stream-summary';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { WAREHOUSE_SORTS, WarehouseSort } from '../../queries/search-warehouses.query';
import { STEWARDSHIP_TASK_TYPES, StewardshipTaskType } from '../../queries/stewardship-task-types';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** `?minPosition=` (read your writes; the interceptor waits on it, documented by @ReadsReadModels). */
export class ReadYourWritesDto {
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/, { message: 'minPosition must be a global position (a whole number)' })
  minPosition?: string;
}

export class PagingDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 20;
}

export class SearchWarehousesDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Substring of warehouse_no, name, 省市区 or address (Chinese included)', example: '浦东' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'WDT 仓库类型 code, e.g. 1 普通仓库, 11 奇门仓储', example: 11 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  type?: number;

  @ApiPropertyOptional({ enum: ['active', 'disabled', 'retired'] })
  @IsOptional()
  @IsIn(['active', 'disabled', 'retired'])
  status?: 'active' | 'disabled' | 'retired';

  @ApiPropertyOptional({ enum: SYNC_STATUSES, description: 'Kingdee sync status (forbidden / not_in_kingdee: a retired record)' })
  @IsOptional()
  @IsIn(SYNC_STATUSES)
  syncStatus?: SyncStatus;

  @ApiPropertyOptional({ enum: WAREHOUSE_SORTS, default: 'warehouseNo', description: 'Column to order by; ties break on warehouseNo' })
  @IsOptional()
  @IsIn(WAREHOUSE_SORTS)
  sort?: WarehouseSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class GetWarehouseDto extends ReadYourWritesDto {
  @ApiPropertyOptional({ description: 'Answer as the record was at this instant (ISO 8601)', example: '2026-11-28T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class ListTasksDto extends PagingDto {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ enum: STEWARDSHIP_TASK_TYPES })
  @IsOptional()
  @IsIn(STEWARDSHIP_TASK_TYPES)
  type?: StewardshipTaskType;
}
