import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { renderBatchSaveBodies } from '../schemes/render-batch-save';
import type { IntegrationScheme, KingdeeModel } from '../contracts/integration-scheme';
import { primaryKeyField } from '../schemes/field-catalogue';
import { sourceFilterRejection } from '../schemes/source-filter';
import type { GoldenSnapshot } from './domain/golden-snapshot';

export interface GoldenInSink {
  readonly message: GoldenRecordChangedV1;
  readonly fStockId: string | null;
  readonly syncedVersion: number | null;
  /** The last version that changed the published record: what Kingdee should be at. */
  readonly publishedVersion: number;
}

/**
 * Renders golden records with the sink's own renderer (renderBatchSaveBodies), so reconciliation
 * compares Kingdee with exactly the Model the sink would send: same templates, same typing.
 */
export function goldenSnapshots(scheme: IntegrationScheme, records: readonly GoldenInSink[]): GoldenSnapshot[] {
  const { batches } = renderBatchSaveBodies(
    scheme,
    records.map((r) => r.message),
    new Map(),
  );
  const models = new Map<string, KingdeeModel>();
  const key = primaryKeyField(scheme.target.formId);
  for (const batch of batches)
    batch.entries.forEach((entry, i) => {
      const { [key]: _id, ...model } = batch.body.data.Model[i]!;
      models.set(entry.goldenId, model);
    });
  return records.map(({ message, fStockId, syncedVersion, publishedVersion }) => ({
    goldenId: message.goldenId,
    warehouseNo: message.record.warehouseNo,
    retired: message.record.status === 'retired' || message.record.mergedInto !== null,
    inScope: sourceFilterRejection(scheme, message.record) === undefined,
    rendered: models.get(message.goldenId) ?? null,
    fStockId,
    pending: syncedVersion === null || syncedVersion < publishedVersion,
  }));
}
