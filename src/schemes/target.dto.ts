import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

const BOOLEAN = { message: 'must be true or false' };

/** BatchSave `data` options (docs/kingdee-api.md). Unknown keys are rejected, typos included. */
export class BatchSaveOptionsDto {
  @IsOptional() @IsBoolean(BOOLEAN) IsVerifyBaseDataField?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) IsAutoSubmitAndAudit?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) IsDeleteEntry?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) ValidateFlag?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) NumberSearch?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) IsAutoAdjustField?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) IsEntryBatchFill?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) IgnoreInterationFlag?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) IsControlPrecision?: boolean;
  @IsOptional() @IsBoolean(BOOLEAN) ValidateRepeatJson?: boolean;
  @IsOptional() @IsString({ message: 'must be text, e.g. STK_InvCheckResult' }) InterationFlags?: string;
  @IsOptional() @IsString({ message: 'must be text' }) SubSystemId?: string;

  @IsOptional()
  @IsArray({ message: 'must be a list of field keys' })
  @IsString({ each: true, message: 'entries must be field keys' })
  NeedReturnFields?: string[];

  /** Server threads; Kingdee then numbers DIndex per sub-batch, which the client must untangle. */
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(5, { message: 'should be 5 or less (Kingdee performance guidance, docs/kingdee-api.md)' })
  BatchCount?: number;
}

const IsNeedUpDateFields = () =>
  ValidateBy({
    name: 'isNeedUpDateFields',
    validator: {
      validate: (v: unknown) => v === 'mapped' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')),
      defaultMessage: () => 'must be "mapped" or a list of mapped field keys',
    },
  });

export class UpdatePolicyDto {
  @IsOptional() @IsBoolean(BOOLEAN) separateBatch?: boolean;

  @IsOptional() @IsNeedUpDateFields() needUpDateFields?: 'mapped' | string[];

  @IsOptional()
  @IsObject({ message: 'must be a map of BatchSave options for updates' })
  @ValidateNested()
  @Type(() => BatchSaveOptionsDto)
  options?: BatchSaveOptionsDto;
}

export class TargetDto {
  @Equals('kingdee', { message: 'must be kingdee' })
  system!: string;

  @IsString({ message: 'must be a Kingdee form id such as BD_STOCK' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'must be a Kingdee form id such as BD_STOCK' })
  formId!: string;

  @IsIn(['BatchSave'], { message: 'must be BatchSave (the only operation the sink performs)' })
  operation!: string;

  @IsOptional()
  @IsObject({ message: 'must be a map of BatchSave options' })
  @ValidateNested()
  @Type(() => BatchSaveOptionsDto)
  options?: BatchSaveOptionsDto;

  @IsOptional()
  @IsObject({ message: 'must be a map (separateBatch, needUpDateFields, options)' })
  @ValidateNested()
  @Type(() => UpdatePolicyDto)
  update?: UpdatePolicyDto;
}
