import type { SchemeDto } from './scheme.dto';
import type { BatchSaveOptionsDto } from './target.dto';
import type { BatchSaveOptions, FieldMapping, IntegrationScheme, SourceFilter, UpdatePolicy } from '../contracts/integration-scheme';
import type { PathIssue } from './validate-dto';

/** Kingdee's own defaults for the two options every body carries (docs/kingdee-api.md). */
const KINGDEE_DEFAULTS = { IsVerifyBaseDataField: false, IsAutoSubmitAndAudit: false } as const;
/** Updates must not auto-audit unless the scheme says so (U9: "更新时不能为true"). */
const UPDATE_DEFAULTS: Partial<BatchSaveOptions> = { IsAutoSubmitAndAudit: false };

/** Fills defaults into a validated DTO. Issues are the cross-field checks the DTO cannot express. */
export function buildScheme(dto: SchemeDto, mapping: FieldMapping[], file: string): { scheme: IntegrationScheme; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const update = buildUpdatePolicy(dto, mapping, issues);
  const scheme: IntegrationScheme = {
    name: dto.name,
    version: String(dto.version),
    description: dto.description,
    file,
    source: {
      system: 'wdt',
      api: 'wdt.warehouse.query',
      params: { ...(dto.source.params ?? {}) },
      filter: buildFilter(dto),
    },
    target: {
      system: 'kingdee',
      formId: dto.target.formId,
      operation: 'BatchSave',
      options: { ...KINGDEE_DEFAULTS, ...definedOptions(dto.target.options) },
      update,
    },
    mapping,
  };
  return { scheme, issues };
}

function buildFilter(dto: SchemeDto): SourceFilter {
  const filter = dto.source.filter;
  if (!filter) return {};
  return {
    ...(filter.status ? { status: filter.status as SourceFilter['status'] } : {}),
    ...(filter.typeCodes ? { typeCodes: filter.typeCodes } : {}),
    ...(filter.isDefect !== undefined ? { isDefect: filter.isDefect } : {}),
  };
}

function buildUpdatePolicy(dto: SchemeDto, mapping: FieldMapping[], issues: PathIssue[]): UpdatePolicy {
  const update = dto.target.update;
  const wanted = update?.needUpDateFields ?? 'mapped';
  let needUpDateFields: UpdatePolicy['needUpDateFields'] = 'mapped';
  if (wanted !== 'mapped') {
    needUpDateFields = wanted.map((key, i) => {
      const field = mapping.find((f) => f.key.toLowerCase() === key.toLowerCase());
      if (!field) issues.push({ path: ['target', 'update', 'needUpDateFields', i], message: `${key} is not a mapped field` });
      return field?.key ?? key;
    });
  }
  return {
    separateBatch: update?.separateBatch ?? true,
    needUpDateFields,
    options: { ...UPDATE_DEFAULTS, ...definedOptions(update?.options) },
  };
}

/** class-transformer leaves declared-but-absent properties as undefined; drop them so defaults apply. */
function definedOptions(options: BatchSaveOptionsDto | undefined): Partial<BatchSaveOptions> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== undefined)) as Partial<BatchSaveOptions>;
}
