import assert from 'node:assert/strict';
import type { SimStock } from '../../../../src/simulators/kingdee';
import type { SimWarehouse } from '../../../../src/simulators/wdt';
import { cleanText } from '../../../../src/shared/domain/text';
import { waitFor } from '../../../support/wait-for';
import { HubApi } from '../../support/pipeline-harness';
import { FaultRig } from './fault-rig';

const USE_ORG = '100.02';
/** What the market scheme renders for every WDT warehouse besides its number and name. */
const FIXED_FIELDS = {
  FUseOrgId: { FNumber: USE_ORG },
  FCreateOrgId: { FNumber: USE_ORG },
  FStockStatusType: '0,1,2,3,4,5,6,7,8',
  FStockProperty: '5',
  FAllowMinusQty: true,
  FGroup: { FNumber: '02' },
  FDocumentStatus: 'C',
};

/** What a chaos run counts: warehouses missing from Kingdee and records created more than once. */
export interface Tally {
  readonly lost: number;
  readonly duplicates: number;
}

/** FStockIds are handed out from 100001 upwards and records are never deleted: every creation beyond one per warehouse is a duplicate. */
export function tally(stocks: readonly SimStock[], warehouses: readonly SimWarehouse[]): Tally {
  const numbers = new Set(stocks.map((s) => s.FNumber));
  const created = stocks.length === 0 ? 0 : Math.max(...stocks.map((s) => s.FStockId)) - 100_000;
  return { lost: warehouses.filter((w) => !numbers.has(w.warehouse_no)).length, duplicates: Math.max(0, created - warehouses.length) };
}

/** Every warehouse once in the use org, with its latest name and the scheme's fixed fields; nothing else. */
export function kingdeeViolations(stocks: readonly SimStock[], warehouses: readonly SimWarehouse[]): string[] {
  const violations: string[] = [];
  const inOrg = stocks.filter((s) => (s.FUseOrgId as { FNumber?: string } | undefined)?.FNumber === USE_ORG);
  const byNumber = new Map<string, SimStock[]>();
  for (const s of inOrg) byNumber.set(s.FNumber, [...(byNumber.get(s.FNumber) ?? []), s]);
  const { lost, duplicates } = tally(stocks, warehouses);
  if (lost > 0) violations.push(`${lost} warehouse(s) missing from Kingdee, e.g. ${missingExamples(byNumber, warehouses)}`);
  if (duplicates > 0)
    violations.push(`${duplicates} BD_STOCK record(s) created beyond one per warehouse (highest FStockId ${maxId(stocks)})`);
  const twice = [...byNumber].filter(([, list]) => list.length > 1).map(([n]) => n);
  if (twice.length > 0) violations.push(`FNumber(s) held more than once in ${USE_ORG}: ${twice.slice(0, 5).join(', ')}`);
  const known = new Set(warehouses.map((w) => w.warehouse_no));
  const extra = stocks.filter((s) => !known.has(s.FNumber)).map((s) => s.FNumber);
  if (extra.length > 0) violations.push(`${extra.length} record(s) in Kingdee no WDT warehouse has: ${extra.slice(0, 5).join(', ')}`);
  const wrong: string[] = [];
  for (const w of warehouses) {
    const s = byNumber.get(w.warehouse_no)?.[0];
    if (!s) continue;
    // The hub folds full-width ASCII to half-width and collapses spaces before it renders the name.
    if (s.FName !== cleanText(w.name)) wrong.push(`${w.warehouse_no}: FName "${String(s.FName)}", WDT's latest is "${w.name}"`);
    for (const [field, expected] of Object.entries(FIXED_FIELDS)) {
      if (JSON.stringify(s[field]) !== JSON.stringify(expected)) {
        wrong.push(`${w.warehouse_no}: ${field} ${JSON.stringify(s[field])} ≠ ${JSON.stringify(expected)}`);
      }
    }
  }
  if (wrong.length > 0) violations.push(`${wrong.length} mapped field(s) wrong or stale: ${wrong.slice(0, 5).join('; ')}`);
  return violations;
}

/** warehouse_xref's Kingdee rows ↔ the simulator's FStockIds, one active row per warehouse. */
export async function xrefViolations(rig: FaultRig, stocks: readonly SimStock[]): Promise<string[]> {
  const rows: { source_key: string; external_id: string | null }[] = await rig.db.dataSource.query(
    `SELECT source_key, external_id FROM warehouse_xref WHERE system = 'kingdee' AND active`,
  );
  const ids = new Map(stocks.map((s) => [s.FNumber, String(s.FStockId)]));
  const violations: string[] = [];
  if (rows.length !== rig.warehouses)
    violations.push(`warehouse_xref holds ${rows.length} active Kingdee row(s), expected ${rig.warehouses}`);
  const wrong = rows.filter((r) => ids.get(r.source_key) !== r.external_id);
  if (wrong.length > 0) {
    const examples = wrong.slice(0, 5).map((r) => `${r.source_key}: xref ${r.external_id}, Kingdee ${ids.get(r.source_key) ?? 'none'}`);
    violations.push(`${wrong.length} cross-reference(s) disagree with Kingdee: ${examples.join('; ')}`);
  }
  return violations;
}

/** Processors behind the head or stalled, the sink group's lag, open sync-failure tasks. */
export async function hubViolations(api: HubApi, warehouses: number): Promise<string[]> {
  const status = await api.call('GET', '/status');
  const violations: string[] = [];
  const behind = (status.processors as { name: string; lagEvents: number; position: string }[]).filter((p) => p.lagEvents !== 0);
  if (behind.length > 0) {
    violations.push(
      `processor(s) behind the head ${status.events.headPosition}: ${behind.map((p) => `${p.name} at ${p.position} (${p.lagEvents} behind)`).join(', ')}`,
    );
  }
  const stalled = (status.processors as Record<string, unknown>[]).filter((p) => stallOf(p) !== undefined);
  if (stalled.length > 0)
    violations.push(`stalled processor(s): ${stalled.map((p) => `${String(p.name)} ${JSON.stringify(stallOf(p))}`).join(', ')}`);
  if (status.kingdeeSink.lag !== 0) {
    violations.push(`sink group ${status.kingdeeSink.group} lag ${status.kingdeeSink.lag} ${status.kingdeeSink.error ?? ''}`.trim());
  }
  const synced = await api.countWarehouses('synced');
  if (synced !== warehouses) violations.push(`${synced} golden record(s) shown as synced to Kingdee, expected ${warehouses}`);
  const tasks = await api.syncFailureTasks('open');
  if (tasks.length > 0) {
    violations.push(
      `${tasks.length} open sync-failure task(s): ${tasks
        .slice(0, 3)
        .map((t) => `${t.record?.warehouseNo ?? t.taskId} ${t.details?.code}`)
        .join(', ')}`,
    );
  }
  return violations;
}

/**
 * A processor's stall as GET /api/v1/status reports it: `stalled: {since, failingPosition, error, …}`;
 * undefined while it runs.
 */
export function stallOf(processor: Record<string, unknown>): { since: unknown; position: string; error: unknown } | undefined {
  const stall = processor.stalled as Record<string, unknown> | null | undefined;
  if (!stall || typeof stall !== 'object') return undefined;
  return { since: stall.since, position: String(stall.failingPosition ?? stall.position), error: stall.error };
}

/**
 * The one check every fault scenario ends with. Waits (bounded) for the hub to settle, then lists every
 * broken invariant in one failure: Kingdee holds every WDT warehouse once, mapped, at its latest name;
 * cross-references match; no open sync-failure task; every processor at the head; sink lag 0; and a
 * WDT edit made now is still delivered.
 */
export async function assertInvariants(rig: FaultRig, settleMs = 150_000): Promise<void> {
  const violations = await settledViolations(rig, settleMs);
  assert.deepEqual(violations, [], `invariants broken after up to ${settleMs / 1000} s to settle:\n- ${violations.join('\n- ')}`);
  await assertLaterEditDelivered(rig, rig.api());
}

/** Waits (bounded) until nothing is broken, then lists whatever still is. */
export async function settledViolations(rig: FaultRig, settleMs: number): Promise<string[]> {
  const api = rig.api();
  const collect = async () => {
    const stocks = rig.sims.kingdee.admin.stocks();
    const early = kingdeeViolations(stocks, rig.sims.wdt.admin.listWarehouses());
    // Cheap check first: the hub's read models are only worth asking once Kingdee looks right.
    if (early.length > 0) return early;
    return [...(await xrefViolations(rig, stocks)), ...(await hubViolations(api, rig.warehouses))];
  };
  let violations: string[] = [];
  await waitFor(async () => (violations = await collect()).length === 0, 'the hub to settle', settleMs, 500).catch(() => undefined);
  if (violations.length > 0) {
    // Report every kind of breakage, not only the first found.
    const stocks = rig.sims.kingdee.admin.stocks();
    violations = [
      ...kingdeeViolations(stocks, rig.sims.wdt.admin.listWarehouses()),
      ...(await xrefViolations(rig, stocks)),
      ...(await hubViolations(api, rig.warehouses)),
    ];
  }
  return violations;
}

/** Edits one (seeded) warehouse in WDT, syncs, and sees exactly that record updated in place. */
export async function assertLaterEditDelivered(rig: FaultRig, api: HubApi): Promise<void> {
  const before = rig.sims.kingdee.admin.stocks();
  const target = rig.random.pick(rig.sims.wdt.admin.listWarehouses());
  const name = `${target.name}改${rig.random.int(100, 999)}`;
  rig.sims.wdt.admin.editWarehouse(target.warehouse_no, { name });
  const run = await api.sync();
  assert.equal(run.status, 'succeeded', `the WDT sync after the faults: ${run.error}`);
  assert.equal(run.changed, 1, `the WDT sync after the faults saw ${run.changed} changed warehouse(s), expected 1`);
  await waitFor(
    () => rig.sims.kingdee.admin.stock(target.warehouse_no, USE_ORG)?.FName === cleanText(name),
    `a later WDT edit (${target.warehouse_no} renamed "${name}") to reach Kingdee`,
    120_000,
    250,
  );
  const after = rig.sims.kingdee.admin.stocks();
  assert.equal(after.length, before.length, 'the later edit updated in place, created nothing');
  assert.equal(
    rig.sims.kingdee.admin.stock(target.warehouse_no, USE_ORG)?.FStockId,
    before.find((s) => s.FNumber === target.warehouse_no)?.FStockId,
  );
}

function missingExamples(byNumber: ReadonlyMap<string, unknown>, warehouses: readonly SimWarehouse[]): string {
  return warehouses
    .filter((w) => !byNumber.has(w.warehouse_no))
    .slice(0, 5)
    .map((w) => w.warehouse_no)
    .join(', ');
}

const maxId = (stocks: readonly SimStock[]): number => Math.max(0, ...stocks.map((s) => s.FStockId));
