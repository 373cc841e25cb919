import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { primaryKeyField } from './field-catalogue';
import { renderModel } from './render-model';
import type { BatchSaveOptions, IntegrationScheme, KingdeeModel } from '../contracts/integration-scheme';
import { SchemeRenderError } from './scheme-errors';

export interface ExistingStock {
  readonly fStockId: string | number;
}

export interface BatchSaveData extends Partial<Omit<BatchSaveOptions, 'NeedReturnFields'>> {
  readonly IsVerifyBaseDataField: boolean;
  readonly IsAutoSubmitAndAudit: boolean;
  readonly NeedUpDateFields: readonly string[];
  readonly NeedReturnFields?: readonly string[];
  readonly Model: readonly KingdeeModel[];
}

/** Named-parameter BatchSave body (docs/kingdee-api.md shape 1). */
export interface BatchSaveBody {
  readonly formid: string;
  readonly data: BatchSaveData;
}

/** Which golden record version Model[i] came from: DIndex i in the response points here. */
export interface RenderedEntry {
  readonly goldenId: string;
  readonly version: number;
  readonly fNumber: string;
  readonly operation: 'create' | 'update';
  readonly fStockId: string | undefined;
}

export interface RenderedBatch {
  readonly operation: 'create' | 'update' | 'mixed';
  readonly body: BatchSaveBody;
  readonly entries: readonly RenderedEntry[];
}

export interface RenderedBatches {
  /** Creates first, then updates (or one mixed batch when the scheme does not separate them). */
  readonly batches: readonly RenderedBatch[];
  /** Records the scheme cannot map; the rest of the batch still goes out. */
  readonly failures: readonly SchemeRenderError[];
}

type Rendered = { readonly entry: RenderedEntry; readonly model: KingdeeModel };

/**
 * Renders golden-record messages into BatchSave bodies. `existing` maps golden id → Kingdee id for
 * records already in Kingdee. Only the newest version per golden id is kept (at-least-once delivery
 * can bring several). Creates and updates go in separate bodies unless `update.separateBatch` is false,
 * because updates carry their own options (IsAutoSubmitAndAudit false by default) and NeedUpDateFields.
 */
export function renderBatchSaveBodies(
  scheme: IntegrationScheme,
  messages: readonly GoldenRecordChangedV1[],
  existing: ReadonlyMap<string, ExistingStock>,
): RenderedBatches {
  const rendered: Rendered[] = [];
  const failures: SchemeRenderError[] = [];
  for (const message of newestPerGoldenId(messages)) {
    try {
      rendered.push(renderOne(scheme, message, existing.get(message.goldenId)));
    } catch (error) {
      if (!(error instanceof SchemeRenderError)) throw error;
      failures.push(error);
    }
  }
  const creates = rendered.filter((r) => r.entry.operation === 'create');
  const updates = rendered.filter((r) => r.entry.operation === 'update');
  const groups: [RenderedBatch['operation'], Rendered[]][] = scheme.target.update.separateBatch
    ? [
        ['create', creates],
        ['update', updates],
      ]
    : [[updates.length === 0 ? 'create' : creates.length === 0 ? 'update' : 'mixed', [...creates, ...updates]]];
  const batches = groups.filter(([, group]) => group.length > 0).map(([operation, group]) => toBatch(scheme, operation, group));
  return { batches, failures };
}

/** One body for `messages`; throws if a record cannot be mapped or the scheme needs separate bodies. */
export function renderBatchSaveBody(
  scheme: IntegrationScheme,
  messages: readonly GoldenRecordChangedV1[],
  existing: ReadonlyMap<string, ExistingStock>,
): BatchSaveBody {
  const { batches, failures } = renderBatchSaveBodies(scheme, messages, existing);
  if (failures[0]) throw failures[0];
  if (batches.length > 1) throw new Error('these messages need separate create and update bodies: use renderBatchSaveBodies');
  return batches[0]?.body ?? toBatch(scheme, 'create', []).body;
}

function renderOne(scheme: IntegrationScheme, message: GoldenRecordChangedV1, found: ExistingStock | undefined): Rendered {
  const fields = renderModel(scheme, message);
  const id = found === undefined ? 0 : /^\d+$/.test(String(found.fStockId)) ? Number(found.fStockId) : found.fStockId;
  const model: KingdeeModel = { [primaryKeyField(scheme.target.formId)]: id, ...fields };
  const fNumber = typeof fields.FNumber === 'string' ? fields.FNumber : '';
  const entry: RenderedEntry = {
    goldenId: message.goldenId,
    version: message.version,
    fNumber,
    operation: found === undefined ? 'create' : 'update',
    fStockId: found === undefined ? undefined : String(found.fStockId),
  };
  return { entry, model };
}

function toBatch(scheme: IntegrationScheme, operation: RenderedBatch['operation'], group: readonly Rendered[]): RenderedBatch {
  const { options, update } = scheme.target;
  const merged = operation === 'update' ? { ...options, ...update.options } : options;
  const { IsVerifyBaseDataField, IsAutoSubmitAndAudit, ...rest } = merged;
  const needUpDateFields =
    operation === 'create' ? [] : update.needUpDateFields === 'mapped' ? scheme.mapping.map((f) => f.key) : update.needUpDateFields;
  const data: BatchSaveData = {
    IsVerifyBaseDataField: IsVerifyBaseDataField ?? false,
    IsAutoSubmitAndAudit: IsAutoSubmitAndAudit ?? false,
    NeedUpDateFields: [...needUpDateFields],
    ...rest,
    Model: group.map((r) => r.model),
  };
  return { operation, body: { formid: scheme.target.formId, data }, entries: group.map((r) => r.entry) };
}

function newestPerGoldenId(messages: readonly GoldenRecordChangedV1[]): GoldenRecordChangedV1[] {
  const newest = new Map<string, GoldenRecordChangedV1>();
  for (const m of messages) {
    const seen = newest.get(m.goldenId);
    if (!seen || m.version > seen.version) newest.set(m.goldenId, m);
  }
  return messages.filter((m) => newest.get(m.goldenId) === m);
}
