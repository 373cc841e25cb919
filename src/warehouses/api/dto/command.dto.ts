import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOLDEN_VALUE_SCHEMA } from './record.dto';
import { Allow, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class OverrideFieldDto {
  @ApiProperty({
    ...GOLDEN_VALUE_SCHEMA,
    description:
      'The value the steward pins: a string for text fields, a number for typeCode, a boolean for isDefect, ' +
      '"active"|"disabled" for status, {"x","y"} for coordinates, or null to pin an optional field empty. Normalised like source values.',
    example: '浦东中心仓',
  })
  @Allow() // any JSON type: the domain validates it against the field
  value: unknown;

  @ApiProperty({ description: 'Why (kept in the audit trail)', example: '统一命名规范' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class RemoveOverrideDto {
  @ApiPropertyOptional({ description: 'Why the override is no longer needed', example: '源系统已更正' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ResolveTaskDto {
  @ApiProperty({ enum: ['merge', 'dismiss', 'retry'], description: 'duplicates: merge | dismiss; Kingdee sync failures: retry' })
  @IsIn(['merge', 'dismiss', 'retry'])
  action!: 'merge' | 'dismiss' | 'retry';

  @ApiPropertyOptional({ description: 'merge: the golden id that survives (one of the pair)', example: 'wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  survivorId?: string;

  @ApiPropertyOptional({ example: '同一仓库，编码录入重复' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class LifecycleReasonDto {
  @ApiProperty({ description: 'Why (kept in the audit trail)', example: 'WDT 已删除该仓库，仓库已关闭' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
