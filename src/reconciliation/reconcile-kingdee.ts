import { randomUUID } from 'node:crypto';
import type { KingdeeClient } from '../kingdee-sink/kingdee-client';
import type { IntegrationScheme } from '../contracts/integration-scheme';
import type { EventStore } from '../event-store/event-store';
import { SqlExecutor } from '../event-store/stored-event';
import { DomainError } from '../shared/domain/domain-error';
import { commandMetadata } from '../warehouses/application/metadata';
import type { KingdeeFindings } from '../warehouses/application/kingdee-findings/kingdee-findings';
import type { KingdeeFieldDrift } from '../warehouses/domain/events';
import { publicReport, type PublicReconciliationReport, type ReconciliationFindings } from './domain/findings';
import type { GoldenSnapshot } from './domain/golden-snapshot';
import { parseStockRows, reconcileFieldKeys } from './domain/kingdee-row';
import { reconcile } from './domain/reconcile';
import { goldenSnapshots } from './render-golden';
import { loadGoldenInSink } from './load-golden';
import { readStockPages } from './read-kingdee-stocks';
import { ReconciliationStore } from './reconciliation-store';

export const RECONCILIATION_ACTOR = 'reconciliation';

export interface ReconcileDeps {
  readonly db: SqlExecutor;
  /** The app's store: golden records fold with its upcasters. */
  readonly store: EventStore;
  readonly kingdee: Pick<KingdeeClient, 'executeBillQuery'>;
  readonly scheme: IntegrationScheme;
  readonly findings: KingdeeFindings;
  readonly pageSize: number;
  readonly clock?: () => Date;
}

export interface ReconcileProgress {
  readonly signal?: AbortSignal;
  readonly correlationId?: string;
  readonly progress?: (done: number, total?: number | null) => void;
}

export interface ReconcileResult {
  readonly runId: string;
  readonly report: PublicReconciliationReport;
  /** ExecuteBillQuery calls this run made (one per page of `pageSize` rows per use-org). */
  readonly kingdeeCalls: number;
  readonly ignored: number;
}

/**
 * One reconciliation run: fold the golden records, render them with the sink's scheme, read every
 * BD_STOCK of the use-org page by page, compare, then turn the findings into decisions (events and
 * tasks on the golden records, the unknown-record log). It never writes to Kingdee.
 */
export async function runReconciliation(deps: ReconcileDeps, trigger: string, options: ReconcileProgress = {}): Promise<ReconcileResult> {
  const now = deps.clock ?? (() => new Date());
  const store = new ReconciliationStore(deps.db);
  const runId = randomUUID();
  await store.startRun(runId, trigger, now());
  try {
    const { records, withOpenFindings } = await loadGoldenInSink(deps.db, deps.store, options.signal);
    const golden = goldenSnapshots(deps.scheme, records);
    let calls = 0;
    const rows: unknown[][] = [];
    for (const useOrg of useOrgsOf(deps.scheme, golden)) {
      const pages = await readStockPages((q) => deps.kingdee.executeBillQuery(q), {
        formId: deps.scheme.target.formId,
        fieldKeys: reconcileFieldKeys(deps.scheme),
        useOrg,
        limit: deps.pageSize,
        signal: options.signal,
        onPage: (n) => options.progress?.(rows.length + n, null),
      });
      calls += pages.calls;
      rows.push(...pages.rows);
    }
    const found = reconcile({ scheme: deps.scheme, golden, kingdee: parseStockRows(deps.scheme, rows), ignored: await store.ignoredIds() });
    await recordFindings(deps.findings, runId, found, withOpenFindings, options);
    await store.recordUnknown(runId, found.unknownInKingdee, now());
    const report = publicReport(found);
    await store.finishRun(runId, { report, calls }, now());
    return { runId, report, kingdeeCalls: calls, ignored: found.ignored };
  } catch (error) {
    await store.finishRun(runId, { error: (error as Error).message }, now()).catch(() => undefined);
    throw error;
  }
}

/** Each record with a finding, or with an open task this run did not confirm, gets its findings recorded. */
async function recordFindings(
  handler: KingdeeFindings,
  runId: string,
  found: ReconciliationFindings,
  withOpenFindings: ReadonlySet<string>,
  options: ReconcileProgress,
): Promise<void> {
  const drift = new Map<string, KingdeeFieldDrift[]>();
  for (const d of found.drifted)
    drift.set(d.goldenId, [...(drift.get(d.goldenId) ?? []), { field: d.field, kingdee: d.kingdee, golden: d.golden }]);
  const missing = new Map(found.missingInKingdee.map((m) => [m.goldenId, m]));
  const targets = new Set([...drift.keys(), ...missing.keys(), ...withOpenFindings]);
  const meta = commandMetadata(RECONCILIATION_ACTOR, { correlationId: options.correlationId ?? runId });
  for (const goldenId of targets) {
    options.signal?.throwIfAborted();
    const gone = missing.get(goldenId);
    try {
      await handler.record(goldenId, { runId, drift: drift.get(goldenId) ?? [], missing: gone ? { fStockId: gone.fStockId } : null }, meta);
    } catch (error) {
      // A record that vanished or was merged meanwhile is the next run's business, not this run's failure.
      if (!(error instanceof DomainError)) throw error;
    }
  }
}

/** The use-orgs to read: those the golden records render (normally the scheme's one constant org). */
function useOrgsOf(scheme: IntegrationScheme, golden: readonly GoldenSnapshot[]): (string | undefined)[] {
  const orgs = new Set<string>();
  for (const g of golden) {
    const org = g.rendered?.FUseOrgId;
    if (typeof org === 'object' && org !== null && typeof org.FNumber === 'string') orgs.add(org.FNumber);
  }
  const mapping = scheme.mapping.find((m) => m.key === 'FUseOrgId');
  if (orgs.size === 0 && mapping?.value.kind === 'constant' && typeof mapping.value.value === 'string') orgs.add(mapping.value.value);
  return orgs.size > 0 ? [...orgs].sort() : [undefined];
}
