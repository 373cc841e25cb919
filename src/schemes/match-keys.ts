import type { GoldenRecordChangedV1 } from '../contracts/golden-record-changed.v1';
import { renderModel } from './render-model';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import { SchemeRenderError } from './scheme-errors';

/** How a golden record is found in Kingdee: its rendered FNumber within its rendered use-org. */
export interface MatchKey {
  readonly goldenId: string;
  readonly fNumber: string;
  /** `FUseOrgId.FNumber`, or undefined when the scheme does not map the use-org as a reference. */
  readonly useOrg: string | undefined;
}

/**
 * The lookup keys for a batch, rendered exactly as the Model will be, so the sink can ask Kingdee
 * which records exist (ExecuteBillQuery by number and org) before choosing create or update.
 * Records the scheme cannot render are left out; renderBatchSaveBodies reports them.
 */
export function matchKeys(scheme: IntegrationScheme, messages: readonly GoldenRecordChangedV1[]): MatchKey[] {
  const keys: MatchKey[] = [];
  for (const message of messages) {
    try {
      const model = renderModel(scheme, message);
      const org = model.FUseOrgId;
      const useOrg = typeof org === 'object' && org !== null && typeof org.FNumber === 'string' ? org.FNumber : undefined;
      if (typeof model.FNumber === 'string' && model.FNumber !== '')
        keys.push({ goldenId: message.goldenId, fNumber: model.FNumber, useOrg });
    } catch (error) {
      if (!(error instanceof SchemeRenderError)) throw error;
    }
  }
  return keys;
}
