import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { TargetDto } from './target.dto';

/**
 * The scheme file's shape, checked by class-validator (the edge where YAML enters). Messages are
 * written to follow "<path>: " in an error line, so they read as sentences about that setting.
 */
const IsVersion = () =>
  ValidateBy({
    name: 'isVersion',
    validator: {
      validate: (v: unknown) =>
        (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\d+(\.\d+){0,2}$/.test(v)),
      defaultMessage: () => 'must be a version like 1 or "1.2.0"',
    },
  });

const IsScalarRecord = () =>
  ValidateBy({
    name: 'isScalarRecord',
    validator: {
      validate: (v: unknown) =>
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        Object.values(v).every((x) => ['string', 'number', 'boolean'].includes(typeof x)),
      defaultMessage: () => 'must be a map of parameter names to text, number or true/false values',
    },
  });

export class SourceFilterDto {
  @IsOptional()
  @IsArray({ message: 'must be a list of statuses, e.g. [active]' })
  @IsIn(['active', 'disabled', 'retired'], { each: true, message: 'entries must be active, disabled or retired' })
  status?: string[];

  @IsOptional()
  @IsArray({ message: 'must be a list of WDT warehouse type codes, e.g. [1, 11]' })
  @IsInt({ each: true, message: 'entries must be whole numbers (WDT type codes)' })
  typeCodes?: number[];

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  isDefect?: boolean;
}

export class SourceDto {
  @Equals('wdt', { message: 'must be wdt (the only source system so far)' })
  system!: string;

  @Equals('wdt.warehouse.query', { message: 'must be wdt.warehouse.query' })
  api!: string;

  @IsOptional()
  @IsScalarRecord()
  params?: Record<string, string | number | boolean>;

  @IsOptional()
  @IsObject({ message: 'must be a map (status, typeCodes, isDefect)' })
  @ValidateNested()
  @Type(() => SourceFilterDto)
  filter?: SourceFilterDto;
}

export class SchemeDto {
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'must not be empty' })
  name!: string;

  @IsVersion()
  version!: number | string;

  @IsOptional()
  @IsString({ message: 'must be text' })
  description?: string;

  @IsDefined({ message: 'is required (system, api, params, filter)' })
  @IsObject({ message: 'must be a map (system, api, params, filter)' })
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;

  @IsDefined({ message: 'is required (system, formId, operation, options)' })
  @IsObject({ message: 'must be a map (system, formId, operation, options, update)' })
  @ValidateNested()
  @Type(() => TargetDto)
  target!: TargetDto;

  /** Entries are checked by compileMapping (keys are open-ended Kingdee field ids). */
  @IsDefined({ message: 'is required: Kingdee field → template' })
  @IsObject({ message: 'must be a map of Kingdee field → template' })
  mapping!: Record<string, unknown>;
}
