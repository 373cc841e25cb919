import type { IntegrationScheme } from '../../contracts/integration-scheme';
import { candidateFinder } from './candidate-index';
import { comparable, sameKingdeeValue } from './compare-values';
import type { DriftFinding, MissingFinding, ReconciliationFindings, UnknownFinding } from './findings';
import type { GoldenSnapshot } from './golden-snapshot';
import type { KingdeeStockRow } from './kingdee-row';

export interface ReconcileInput {
  readonly scheme: IntegrationScheme;
  readonly golden: readonly GoldenSnapshot[];
  readonly kingdee: readonly KingdeeStockRow[];
  /** FStockIds a steward chose to ignore: never reported again. */
  readonly ignored: ReadonlySet<string>;
}

const lower = (s: string): string => s.trim().toLowerCase();

/**
 * Compares every BD_STOCK of the use-org with the golden records. A row belongs to the golden
 * record holding its FStockId, else to the one whose rendered code it has (case-insensitive, as
 * Kingdee's uniqueness rule). Claimed rows are compared field by field; golden records the hub
 * wrote whose row is gone are missing; unclaimed rows are unknown.
 */
export function reconcile(input: ReconcileInput): ReconciliationFindings {
  const { scheme, golden, kingdee, ignored } = input;
  const byId = new Map(kingdee.map((r) => [r.FStockId, r]));
  const byNumber = new Map(kingdee.map((r) => [lower(r.FNumber), r]));
  const claimed = new Map<string, GoldenSnapshot>();
  const rowOf = new Map<string, KingdeeStockRow>();
  for (const g of golden) {
    const row = (g.fStockId !== null ? byId.get(g.fStockId) : undefined) ?? byNumber.get(lower(numberOf(g)));
    if (!row || claimed.has(row.FStockId)) continue;
    claimed.set(row.FStockId, g);
    rowOf.set(g.goldenId, row);
  }
  const compared = golden.filter((g) => g.inScope && !g.retired);
  const drifted: DriftFinding[] = [];
  const missingInKingdee: MissingFinding[] = [];
  for (const g of compared) {
    const row = rowOf.get(g.goldenId);
    if (row) drifted.push(...driftOf(scheme, g, row));
    else if (g.fStockId !== null) missingInKingdee.push({ warehouseNo: g.warehouseNo, goldenId: g.goldenId, fStockId: g.fStockId });
  }
  const unclaimed = kingdee.filter((r) => !claimed.has(r.FStockId));
  const candidateFor = candidateFinder(compared.filter((g) => !rowOf.has(g.goldenId)));
  const unknownInKingdee: UnknownFinding[] = unclaimed
    .filter((r) => !ignored.has(r.FStockId))
    .map((r) => ({
      FNumber: r.FNumber,
      FStockId: r.FStockId,
      FName: text(r.fields.FName),
      candidateGoldenId: candidateFor(text(r.fields.FName), text(r.fields.FAddress)),
    }));
  return {
    checked: compared.length,
    kingdeeRecords: kingdee.length,
    drifted,
    missingInKingdee,
    unknownInKingdee,
    ignored: unclaimed.length - unknownInKingdee.length,
  };
}

function driftOf(scheme: IntegrationScheme, g: GoldenSnapshot, row: KingdeeStockRow): DriftFinding[] {
  const at = { warehouseNo: g.warehouseNo, goldenId: g.goldenId };
  const drift: DriftFinding[] = [];
  if (g.rendered !== null && !g.pending) {
    for (const field of scheme.mapping) {
      const kingdee = row.fields[field.key];
      const golden = g.rendered[field.key];
      if (!sameKingdeeValue(kingdee, golden, field.type))
        drift.push({ ...at, field: field.key, kingdee: comparable(kingdee, field.type), golden: comparable(golden, field.type) });
    }
  }
  // The sink writes live records enabled; records it creates audited when the scheme says so.
  if (row.FForbidStatus !== 'A') drift.push({ ...at, field: 'FForbidStatus', kingdee: row.FForbidStatus, golden: 'A' });
  if (scheme.target.options.IsAutoSubmitAndAudit && row.FDocumentStatus !== 'C')
    drift.push({ ...at, field: 'FDocumentStatus', kingdee: row.FDocumentStatus, golden: 'C' });
  return drift;
}

const numberOf = (g: GoldenSnapshot): string => (typeof g.rendered?.FNumber === 'string' ? g.rendered.FNumber : g.warehouseNo);
const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v as number));
